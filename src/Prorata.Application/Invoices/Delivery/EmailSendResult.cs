namespace Prorata.Application.Invoices.Delivery;

/// <summary>
/// What happened to one invoice e-mail. <see cref="ServerReply"/> is the server's own text (or, without an answer, what
/// went wrong) and <see cref="ReplyCode"/> its SMTP code when there was one. A <see cref="EmailSendOutcome.Sent"/> e-mail
/// may still list <see cref="RejectedRecipients"/>: the server took it for the other addresses, and sending it again
/// would not reach the refused ones, so those need a person (see <see cref="SmtpInvoiceEmailSender"/>).
/// </summary>
public sealed record EmailSendResult(
    EmailSendOutcome Outcome,
    int? ReplyCode,
    string ServerReply,
    IReadOnlyList<RejectedRecipient> RejectedRecipients)
{
    public bool IsSent => Outcome == EmailSendOutcome.Sent;

    public static EmailSendResult Sent(string serverReply, IReadOnlyList<RejectedRecipient> rejectedRecipients) =>
        new(EmailSendOutcome.Sent, 250, serverReply, rejectedRecipients);

    public static EmailSendResult TemporaryFailure(int? replyCode, string serverReply) =>
        new(EmailSendOutcome.TemporaryFailure, replyCode, serverReply, []);

    public static EmailSendResult PermanentFailure(int? replyCode, string serverReply, IReadOnlyList<RejectedRecipient>? rejectedRecipients = null) =>
        new(EmailSendOutcome.PermanentFailure, replyCode, serverReply, rejectedRecipients ?? []);
}
