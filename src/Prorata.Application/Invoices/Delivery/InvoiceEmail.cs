namespace Prorata.Application.Invoices.Delivery;

/// <summary>
/// One logical invoice e-mail, ready to send. <see cref="MessageId"/> is chosen by the caller and stays the same when the
/// same e-mail is sent again (after a crash or a lost answer), so a receiving system can recognise the repeat
/// (RFC 5322 §3.6.4); written with or without its angle brackets, e.g. "&lt;invoice-{guid}-1@prorata.invalid&gt;".
/// <see cref="HtmlBody"/>, when given, is sent as the alternative to <see cref="TextBody"/>.
/// </summary>
public sealed record InvoiceEmail(
    string FromAddress,
    string FromName,
    IReadOnlyList<string> To,
    string? ReplyTo,
    string Subject,
    string TextBody,
    string? HtmlBody,
    IReadOnlyList<EmailAttachment> Attachments,
    string MessageId);
