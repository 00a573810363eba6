namespace Prorata.Domain.Insight;

/// <summary>
/// One month of a legal entity's deferred revenue in one currency: <c>Closing = Opening + Billed − Recognised</c>, and the
/// next month opens with this one's closing. <paramref name="Month"/> is the month's first day.
/// </summary>
public sealed record DeferredRevenueMonth(string LegalEntity, string Currency, DateOnly Month, decimal Opening, decimal Billed, decimal Recognised, decimal Closing);
