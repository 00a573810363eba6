using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;

namespace Prorata.Application.PartnerCenter;

/// <summary>
/// What Prorata was about to ask Partner Center while a person waited: the log entry it would write once Microsoft
/// accepted (a purchase also names the offer and the contract, as its subscription was not saved yet).
/// </summary>
public sealed record PartnerCenterIntent(
    Guid SubscriptionId,
    Guid CustomerId,
    Guid ContractId,
    SubscriptionEventType Type,
    DateTimeOffset At,
    string Actor,
    string Source,
    int? Quantity,
    bool? Enabled,
    string? ProductId,
    string? SkuId,
    TermDuration? Term,
    BillingPlan? BillingPlan,
    Guid? NewSubscriptionId,
    string? Title);
