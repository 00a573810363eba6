namespace Prorata.Data.Invoices;

/// <summary>
/// One sending of an issued invoice to its customer's billing e-mails (on issue, or a resend). The invoice itself is
/// immutable; what happened to each sending is recorded here.
/// </summary>
public sealed class InvoiceDelivery
{
    public Guid Id { get; set; }

    public Guid InvoiceId { get; set; }

    /// <summary>The addresses it went to, comma-separated, as they were when it was queued.</summary>
    public required string Recipients { get; set; }

    public InvoiceDeliveryState State { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>The e-mail's Message-ID: the same for every attempt, so a mail client shows a repeated sending once.</summary>
    public required string MessageId { get; set; }

    /// <summary>Who asked: "issue" or the staff user who resent it.</summary>
    public required string RequestedBy { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>
/// Pending (queued, or refused for now and tried again), Sent (the mail server took it), Failed (refused for good: a
/// person fixes the address and resends). Bounces the server reports later, by e-mail to the sender, are not read.
/// </summary>
public enum InvoiceDeliveryState
{
    Pending,
    Sent,
    Failed,
}
