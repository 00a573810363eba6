namespace Prorata.Application.Invoices.Delivery;

public enum EmailSendOutcome
{
    /// <summary>The server took the message (250 after DATA), for at least one recipient.</summary>
    Sent,

    /// <summary>Nothing was taken, or it is unknown whether it was (connection lost, timeout, SMTP 4xx): send the same e-mail again later.</summary>
    TemporaryFailure,

    /// <summary>The server refused for good (SMTP 5xx: every address refused, the sender or the message refused) or the e-mail or the SMTP settings are wrong: a person must fix it.</summary>
    PermanentFailure,
}
