using Prorata.Domain.Billing;
using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// What a recon file is matched against: the provider charges Prorata expects, the subscriptions it knows, and the
/// customer invoice lines it billed (for unbilled revenue). From a what-if scenario today; from the stored
/// subscriptions and invoices once the data layer has them.
/// </summary>
public sealed record ExpectedCharges(
    IReadOnlyList<ProviderCharge> Charges,
    IReadOnlyList<string> Subscriptions,
    IReadOnlyList<BilledPeriod> BilledPeriods)
{
    public static readonly ExpectedCharges None = new([], [], []);
}
