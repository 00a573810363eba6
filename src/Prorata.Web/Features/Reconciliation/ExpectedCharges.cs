using Prorata.Domain.Billing;
using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// What a recon file is matched against: the provider charges Prorata expects, the subscriptions it knows, and the
/// customer invoice lines it billed (for unbilled revenue). From a what-if scenario, or else from the stored
/// subscriptions and invoices (<see cref="StoredExpectedCharges"/>), with the imported Azure usage its Azure plan lines
/// are matched against.
/// </summary>
public sealed record ExpectedCharges(
    IReadOnlyList<ProviderCharge> Charges,
    IReadOnlyList<string> Subscriptions,
    IReadOnlyList<BilledPeriod> BilledPeriods)
{
    public IReadOnlyList<ExpectedUsage> Usage { get; init; } = [];
}
