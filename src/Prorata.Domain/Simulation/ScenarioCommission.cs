using Prorata.Domain.Insight;

namespace Prorata.Domain.Simulation;

/// <summary>
/// A commission (or part of one, paid in cash) a salesperson earns on one invoice line: the line by its invoice (contract,
/// date) and its subscription and period, the plan's basis, rate and payout, the amount in the invoice's currency and the
/// day it is payable. A negative amount claws back.
/// </summary>
public sealed record ScenarioCommission(
    string Salesperson,
    string Contract,
    DateOnly InvoiceDate,
    string Subscription,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string ProductId,
    string SkuId,
    CommissionBasis Basis,
    decimal Rate,
    CommissionPayout Payout,
    decimal Amount,
    string Currency,
    DateOnly PayableOn);
