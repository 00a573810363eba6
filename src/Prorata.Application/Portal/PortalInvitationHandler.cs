using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prorata.Application.Invoices.Delivery;
using Prorata.Application.Outbox;
using Prorata.Data;
using Prorata.Data.Outbox;

namespace Prorata.Application.Portal;

/// <summary>
/// E-mails a portal invitation's link to the person invited, from the partner (the legal entity that bills the customer).
/// An invitation replaced or accepted since it was queued is not sent; one Message-ID per invitation, so a repeat after a
/// lost answer is the same e-mail.
/// </summary>
public sealed class PortalInvitationHandler(ProrataDbContext db, IInvoiceEmailSender sender, IOptions<SmtpOptions> smtp, PortalInvitations invitations) : IOutboxHandler
{
    public OutboxTopic Topic => OutboxTopic.PortalInvitation;

    public async Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var invitation = OutboxWriter.Read<PortalInvitation>(message);
        var user = await db.CustomerUsers.AsNoTracking().Include(u => u.Customer).FirstOrDefaultAsync(u => u.Id == invitation.UserId, cancellationToken);
        if (user is null) return OutboxDelivery.Refused($"No portal user has id '{invitation.UserId}'.");
        var link = invitations.LinkOf(invitation);
        if (user.InvitationHash is null || !Current(user.InvitationHash, link))
            return OutboxDelivery.Refused($"The invitation of {user.Email} was accepted or replaced before its e-mail went out: nothing was sent.");
        if (!smtp.Value.IsConfigured) return OutboxDelivery.Refused("E-mail is not configured (Prorata:Smtp:Host): give the invitation link to the person another way.");
        var seller = await db.BillingContracts.AsNoTracking().Where(c => c.CustomerId == user.CustomerId).OrderBy(c => c.Id)
            .Select(c => new { c.LegalEntity!.Name, c.LegalEntity.Email }).FirstOrDefaultAsync(cancellationToken);
        var from = seller?.Email ?? smtp.Value.DefaultFrom;
        if (string.IsNullOrWhiteSpace(from)) return OutboxDelivery.Refused("Neither the customer's legal entity nor Prorata:Smtp:DefaultFrom has an e-mail address to send from.");
        var partner = seller?.Name ?? "Your Microsoft partner";
        var customer = user.Customer!.Name;
        var subject = $"{partner} invites you to the {customer} customer portal";
        var text = $"""
            Hello,

            {partner} invites you to the customer portal of {customer}, where you see your Microsoft subscriptions and invoices{(user.Role == Data.Portal.CustomerUserRole.ReadOnly ? "" : ", change seats and pay")}.

            Open this link within 7 days to choose your password (it works once):
            {link}

            If you did not expect this e-mail, you can ignore it.
            """;
        var email = new InvoiceEmail(from, partner, [user.Email], seller?.Email, subject, text, null, [], $"<portal-invitation-{message.Id}@prorata.invalid>");
        var result = await sender.SendAsync(email, cancellationToken);
        return result.Outcome switch
        {
            EmailSendOutcome.Sent => OutboxDelivery.Done,
            EmailSendOutcome.TemporaryFailure => OutboxDelivery.Later(result.ServerReply),
            _ => OutboxDelivery.ForAPerson($"The portal invitation of {user.Email} was refused: {result.ServerReply}"),
        };
    }

    /// <summary>Whether the queued link is still the open invitation (inviting again replaces the token).</summary>
    private static bool Current(string hash, string link) => PortalInvitations.Hash(link[(link.LastIndexOf('/') + 1)..]) == hash;
}
