namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>
/// <c>scheduledNextTermInstructions</c> (§1.5): what the subscription becomes at renewal. Null product fields keep the
/// current product, term or billing plan.
/// </summary>
public sealed record RenewalInstructions(
    int Quantity,
    string? ProductId = null,
    string? SkuId = null,
    string? AvailabilityId = null,
    string? TermDuration = null,
    string? BillingCycle = null,
    DateOnly? CustomTermEndDate = null);
