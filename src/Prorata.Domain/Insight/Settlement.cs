namespace Prorata.Domain.Insight;

/// <summary>Part of an invoice's total settled on a day, by a payment or by the customer's credit.</summary>
public readonly record struct Settlement(DateOnly On, decimal Amount);
