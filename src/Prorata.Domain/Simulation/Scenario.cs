using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Insight;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Simulation;

/// <summary>
/// A billing simulation's input (docs/scenarios.md): a price list, contracts, a timeline of subscription
/// events and the date to bill until. <see cref="Events"/> are in time order (stable for equal timestamps).
/// </summary>
public sealed record Scenario(
    string Name,
    Currency PartnerCurrency,
    ProviderRounding ProviderRounding,
    IReadOnlyList<PriceListRow> PriceList,
    IReadOnlyList<BillingContract> Contracts,
    IReadOnlyList<SubscriptionEvent> Events,
    DateOnly BillUntil)
{
    /// <summary>The seller, rate table and customers' tax details; null when the file names no seller (no tax computed).</summary>
    public ScenarioTax? Tax { get; init; }

    /// <summary>The customers' payments, in time order (stable for equal timestamps).</summary>
    public IReadOnlyList<ScenarioPayment> Payments { get; init; } = [];

    /// <summary>Staff decisions to put a customer on credit hold or lift it, in time order.</summary>
    public IReadOnlyList<ScenarioCreditHold> CreditHolds { get; init; } = [];

    /// <summary>The salespeople contracts may name, with their commission plans.</summary>
    public IReadOnlyList<Salesperson> Salespeople { get; init; } = [];

    /// <summary>The salesperson of each contract that names one, by contract id.</summary>
    public IReadOnlyDictionary<string, string> SalespersonOf { get; init; } = new Dictionary<string, string>();
}
