namespace Prorata.Application.Invoices.Delivery;

/// <summary>The words of an invoice e-mail: its subject, plain-text body and the same body as simple HTML.</summary>
public sealed record InvoiceEmailContent(string Subject, string TextBody, string HtmlBody);
