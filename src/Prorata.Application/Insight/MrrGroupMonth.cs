namespace Prorata.Application.Insight;

/// <summary>
/// The MRR of one product or legal entity (<see cref="MrrView.By"/>) in one currency at the end of a month: the partner's
/// cost of it, ARR = 12 × MRR, the margin (MRR − cost) and how it moved from the month before, by the same rules as a
/// customer's (billing-rules §5). <see cref="Key"/> is the product id or the legal entity's id; <see cref="Name"/> what
/// people call it.
/// </summary>
public sealed record MrrGroupMonth(string Month, string Key, string Name, string Currency, decimal Mrr, decimal MrrCost, decimal Arr, decimal Margin,
    string Movement);
