using Prorata.Data.Invoices;

namespace Prorata.Web.Features.Invoices;

/// <summary>The lines of one subscription on an invoice (or those Finance added), with their subtotal before tax.</summary>
public sealed record InvoiceViewGroup(Guid SubscriptionId, string Title, IReadOnlyList<CustomerInvoiceLine> Lines, decimal Subtotal);
