namespace Prorata.Application.Receivables.Views;

/// <summary>A customer's account in one currency over a period: what it owed at the start, every movement, what it owes at the end (negative: credit).</summary>
public sealed record CustomerStatement(Guid CustomerId, string CustomerName, string Currency, DateOnly From, DateOnly To, decimal OpeningBalance,
    IReadOnlyList<StatementLine> Lines, decimal ClosingBalance);
