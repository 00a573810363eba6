namespace Prorata.Domain.Receivables;

/// <summary>An invoice with a balance, and the last reminder step already sent for it (null: none yet).</summary>
public sealed record OpenReceivable(ReceivableInvoice Invoice, decimal Balance, int? LastReminderDays);
