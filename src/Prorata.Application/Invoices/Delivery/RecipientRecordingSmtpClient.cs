using MailKit.Net.Smtp;
using MimeKit;

namespace Prorata.Application.Invoices.Delivery;

/// <summary>
/// MailKit's client, except that an address refused for good (5xx at RCPT TO) is recorded instead of failing the whole
/// e-mail, so the others still receive it. A refusal for now (4xx) still fails the e-mail: it is sent again later to
/// everyone, and nobody has received it yet, so nobody receives it twice.
/// </summary>
internal sealed class RecipientRecordingSmtpClient : SmtpClient
{
    private readonly List<RejectedRecipient> rejected = [];

    public IReadOnlyList<RejectedRecipient> Rejected => rejected;

    /// <summary>Every address was refused for good, so MailKit ends the transaction before DATA.</summary>
    public bool NoRecipientAccepted { get; private set; }

    protected override void OnNoRecipientsAccepted(MimeMessage message) => NoRecipientAccepted = rejected.Count > 0;

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        if ((int)response.StatusCode is >= 500 and < 600)
        {
            rejected.Add(new RejectedRecipient(mailbox.Address, (int)response.StatusCode, response.Response));
            return;
        }
        base.OnRecipientNotAccepted(message, mailbox, response);
    }
}
