namespace Prorata.Domain.Catalog;

/// <summary>A customer's price per charge cycle, and whether it fell back to ERP for want of a pricing rule.</summary>
public readonly record struct CustomerPrice(decimal PerCycle, bool MissingStrategy);
