namespace PartnerCenterSimulator.Model;

/// <summary><c>scheduledNextTermInstructions</c>: applied at renewal, deleted by a mid-term change (§1.5).</summary>
public sealed record ScheduledChange(
    string ProductId,
    string SkuId,
    string AvailabilityId,
    string BillingCycle,
    string TermDuration,
    int Quantity,
    DateOnly? CustomTermEndDate);
