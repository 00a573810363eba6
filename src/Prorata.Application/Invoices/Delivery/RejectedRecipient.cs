namespace Prorata.Application.Invoices.Delivery;

/// <summary>An address the server refused for good at RCPT TO, with its reply (e.g. 550, "mailbox unavailable").</summary>
public sealed record RejectedRecipient(string Address, int ReplyCode, string ServerReply);
