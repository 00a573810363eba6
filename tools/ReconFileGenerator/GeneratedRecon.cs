using Prorata.Domain.Billing;
using Prorata.Domain.Reconciliation;

namespace ReconFileGenerator;

/// <summary>
/// What a generated file should reconcile to: the charges Prorata expects, the subscriptions it knows, and, by
/// construction, the count of lines (or missing charges) in each state and the money at stake.
/// </summary>
public sealed record GeneratedRecon(
    long Lines,
    IReadOnlyList<ProviderCharge> Expected,
    IReadOnlyList<string> KnownSubscriptions,
    IReadOnlyDictionary<ReconState, int> Counts,
    decimal MoneyAtStake);
