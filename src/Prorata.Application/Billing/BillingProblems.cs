using Prorata.Application.WorkItems;
using Prorata.Data.Subscriptions;
using Prorata.Data.WorkItems;
using Prorata.Domain.Billing;
using Prorata.Domain.Insight;
using Prorata.Domain.Subscriptions;
using StoredContract = Prorata.Data.Contracts.BillingContract;

namespace Prorata.Application.Billing;

/// <summary>What a billing run raises for a person, as work items of the contract, in the contract's currency.</summary>
public static class BillingProblems
{
    /// <summary>
    /// An engine alert. A subscription billed at ERP has the amount billed that way at stake; one with no price has
    /// nothing billed to show, so its amount is not known. A person's decision covers the daily repeats.
    /// </summary>
    public static WorkItemDraft Alert(StoredContract contract, BillingAlert alert, Invoice invoice)
    {
        var subscription = Guid.TryParse(alert.Subscription, out var id) ? id : (Guid?)null;
        var billed = invoice.Lines.Where(l => l.Subscription == alert.Subscription).Sum(l => l.Amount);
        return new WorkItemDraft(WorkItemKind.BillingAlert, alert.Kind.ToString(), WorkItemSubject.Subscription, alert.Subscription, alert.Message)
        {
            AmountAtStake = alert.Kind == BillingAlertKind.MissingPricingStrategy && billed != 0 ? billed : null,
            Currency = alert.Kind == BillingAlertKind.MissingPricingStrategy && billed != 0 ? contract.Currency : null,
            CustomerId = contract.CustomerId,
            ContractId = contract.Id,
            SubscriptionId = subscription,
            ResolutionCoversRepeats = true,
        };
    }

    /// <summary>A logged change the engine could not apply on replay: never a vanished line, a person decides.</summary>
    public static WorkItemDraft Replay(StoredContract contract, LicenseChangeEntry entry, ReplayProblem problem) =>
        new(WorkItemKind.ReplayRefusal, problem.Code.ToString(), WorkItemSubject.ChangeLogEntry, entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"The {entry.Type} of {entry.At:yyyy-MM-dd HH:mm} UTC (log entry {entry.Id}, {entry.Source} by {entry.Actor}) cannot be billed: {problem.Message}")
        {
            AmountAtStake = problem.AtStake?.Amount,
            Currency = problem.AtStake?.Currency.Code,
            CustomerId = contract.CustomerId,
            ContractId = contract.Id,
            SubscriptionId = entry.SubscriptionId,
        };

    /// <summary>
    /// A line billed under its provider cost plus the product's (or the partner's) margin floor. One item per subscription:
    /// the next invoice billing it short again counts an occurrence; a person's decision covers repeats while the line and
    /// its shortfall stay the same (a loss leader kept on purpose).
    /// </summary>
    public static WorkItemDraft BelowFloor(StoredContract contract, InvoiceLine line, MarginFloor floor, decimal shortfall)
    {
        var cost = Math.Round(line.Cost!.Value, 2, MidpointRounding.AwayFromZero);
        var minimum = Math.Round(floor.MinimumFor(line.Cost.Value), 2, MidpointRounding.AwayFromZero);
        var whose = floor.ProductId == MarginFloor.AnyProduct ? "the partner's floor" : $"{line.ProductId}'s floor";
        var message = FormattableString.Invariant(
            $"{line.SkuId} ({line.ProductId}) billed {line.Amount:0.00} {contract.Currency} ({line.Quantity:0.##} × {line.UnitPrice:0.00} for {line.Days} of {line.PeriodDays} days) against a provider cost of {cost:0.00}: under cost + {floor.Percent:0.##} % ({whose}) = {minimum:0.00}, {Math.Round(shortfall, 2, MidpointRounding.AwayFromZero):0.00} short. A stacked promotion, or a Microsoft price rise not yet passed on?");
        return new WorkItemDraft(WorkItemKind.MarginBelowFloor, "BelowFloor", WorkItemSubject.Subscription, line.Subscription, message)
        {
            AmountAtStake = Math.Round(shortfall, 2, MidpointRounding.AwayFromZero),
            Currency = contract.Currency,
            CustomerId = contract.CustomerId,
            ContractId = contract.Id,
            SubscriptionId = Guid.TryParse(line.Subscription, out var id) ? id : null,
            ResolutionCoversRepeats = true,
        };
    }

    /// <summary>A contract the run could not bill at all; the run went on with the others.</summary>
    public static WorkItemDraft Failure(StoredContract contract, DateOnly date, Exception failure) =>
        new(WorkItemKind.BillingFailure, failure.GetType().Name, WorkItemSubject.Contract, contract.Id.ToString(),
            $"The billing run of {date:yyyy-MM-dd} could not bill this contract and went on without it: {failure.Message}")
        {
            CustomerId = contract.CustomerId,
            ContractId = contract.Id,
        };
}
