namespace Prorata.Application.Receivables.Views;

/// <summary>One line of a customer statement: an invoice or credit note, a payment, a reversed payment or a refund; <see cref="Amount"/> raises (+) or lowers (−) what the customer owes.</summary>
public sealed record StatementLine(DateOnly Date, string Kind, string Reference, decimal Amount, decimal Balance);
