using Prorata.Domain.Reconciliation;
using Prorata.Application.WorkItems;

namespace Prorata.Application.Exceptions;

/// <summary>
/// Everything that needs a person, across Prorata: open work items (with their money at stake per currency, never
/// summed across currencies), what the latest reconciliation found, Azure usage no Prorata plan takes, and changes
/// waiting for provisioning. <see cref="Open"/> counts the items a person has to act on.
/// </summary>
public sealed record ExceptionsOverview(
    int Open,
    int WorkItemsOpen,
    IReadOnlyList<MoneyAtStake> AtStake,
    LatestReconciliation? Reconciliation,
    UnassignedUsage? Usage,
    IReadOnlyList<WaitingProvisioning> Provisioning);

/// <summary>
/// The last stored recon import: Microsoft charges no customer invoice line covers (the revenue leak, shown first) and
/// the lines that did not match, with the money at stake. <see cref="Items"/> counts each line to act on once: every
/// discrepancy, and the matched lines that are unbilled (an unbilled line of an unknown subscription is a discrepancy).
/// </summary>
/// <see cref="UnbilledTotal"/> and <see cref="MoneyAtStake"/> add every currency of the file together and mean something only
/// for a file in one currency; <see cref="Currencies"/> has them per currency, never summed across.
public sealed record LatestReconciliation(Guid ImportId, string FileName, DateTimeOffset FinishedAt, int UnbilledLines, decimal UnbilledTotal,
    int Discrepancies, decimal MoneyAtStake, int Items, IReadOnlyList<ReconCurrencyTotals> Currencies);

/// <summary>Imported Azure usage rows of plans no Prorata subscription is linked to: not billed until one is.</summary>
public sealed record UnassignedUsage(int Plans, long Rows, decimal Cost);

/// <summary>A customer's subscriptions whose purchase or seat increase has not reached Microsoft yet.</summary>
public sealed record WaitingProvisioning(Guid CustomerId, string CustomerName, bool CreditHold, int Subscriptions);
