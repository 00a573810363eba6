using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Insight;

/// <summary>
/// One subscription as MRR sees it at a month end (24:00 of the month's last day): whose it is, in which currency, its
/// status and seats then, the offer it is on then (<see cref="ProductId"/> and <see cref="SkuId"/>: after an upgrade, the
/// new one), and the customer's price and the partner's cost of one charge cycle of that offer (<see cref="CycleMonths"/>
/// months long). <see cref="Parent"/> names the bundle a child belongs to. Prices are in <see cref="Currency"/>, the
/// contract's; 0 where nothing prices the offer.
/// </summary>
public sealed record MrrSubscription(
    string Subscription,
    string Customer,
    Currency Currency,
    SubscriptionKind Kind,
    SubscriptionStatus Status,
    string? Parent,
    string ProductId,
    string SkuId,
    int Quantity,
    decimal PricePerCycle,
    decimal CostPerCycle,
    int CycleMonths);
