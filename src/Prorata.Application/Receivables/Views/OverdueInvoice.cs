namespace Prorata.Application.Receivables.Views;

/// <summary>An invoice with a balance after its due date.</summary>
public sealed record OverdueInvoice(Guid InvoiceId, string Number, Guid CustomerId, string CustomerName, string Currency, DateOnly InvoiceDate, DateOnly DueDate,
    decimal Total, decimal Balance, int DaysOverdue);
