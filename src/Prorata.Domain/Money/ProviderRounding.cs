namespace Prorata.Domain.Money;

/// <summary>
/// How Microsoft rounds a prorated line (microsoft-csp.md §1.7). Both truncate toward zero to cents.
/// </summary>
public enum ProviderRounding
{
    /// <summary>Convention A: ROUNDDOWN(UnitPrice × BillingDays / CycleDays × Qty): truncate the line once.</summary>
    TruncateLine,

    /// <summary>Convention B: truncate the per-seat effective unit price first, then multiply by quantity.</summary>
    TruncateUnit,
}
