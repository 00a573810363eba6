namespace Prorata.Application.Receivables;

/// <summary>A payment as Finance types it: amount, currency, when it arrived, how (bankTransfer, cheque, cash, other), its reference, and the invoice it names.</summary>
public sealed record PaymentDraft(decimal? Amount, string? Currency, DateTimeOffset? ReceivedAt, string? Method, string? Reference, Guid? InvoiceId);
