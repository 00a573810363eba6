namespace Prorata.Application.Receivables.Views;

/// <summary>What a customer owes in one currency (<see cref="Open"/>, of which <see cref="Overdue"/> is past due) and the credit it has.</summary>
public sealed record CustomerBalance(string Currency, decimal Open, decimal Overdue, decimal Credit);
