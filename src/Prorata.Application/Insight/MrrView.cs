namespace Prorata.Application.Insight;

/// <summary>The MRR report of a range of months: per currency and month, and per customer, currency and month.</summary>
public sealed record MrrView(IReadOnlyList<MrrMonth> Months, IReadOnlyList<MrrCustomerMonth> Customers);
