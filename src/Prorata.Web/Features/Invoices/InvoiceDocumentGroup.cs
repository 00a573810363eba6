using Prorata.Data.Invoices;

namespace Prorata.Web.Features.Invoices;

/// <summary>The lines of one subscription on an invoice, with their subtotal.</summary>
public sealed record InvoiceDocumentGroup(Guid SubscriptionId, string Title, IReadOnlyList<CustomerInvoiceLine> Lines, decimal Subtotal);
