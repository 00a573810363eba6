namespace Prorata.Application.Insight;

/// <summary>
/// The gross profit report of a range of months: per group (<see cref="Groups"/>), or line by line (<see cref="Lines"/>,
/// at most <see cref="GrossProfitReport.MaxLines"/>; <see cref="Truncated"/> says more matched: narrow by customer or contract).
/// </summary>
public sealed record GrossProfitView(string By, IReadOnlyList<GrossProfitRow> Groups, IReadOnlyList<GrossProfitLineRow> Lines, bool Truncated);
