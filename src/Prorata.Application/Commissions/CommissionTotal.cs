namespace Prorata.Application.Commissions;

/// <summary>What a statement pays in one currency; never summed across currencies.</summary>
public sealed record CommissionTotal(string Currency, decimal Amount);
