namespace Prorata.Application.Invoices.Delivery;

/// <summary>A file sent with an invoice e-mail: the invoice's PDF ("application/pdf") or its UBL XML ("application/xml").</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
