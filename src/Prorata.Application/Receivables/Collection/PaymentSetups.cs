using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Receivables;

namespace Prorata.Application.Receivables.Collection;

/// <summary>
/// Saving a customer's payment method on the provider's hosted page: a session is started for the customer (staff send
/// its link, or the customer opens it), and completed when the provider says it is (its webhook, or the return to
/// Prorata's page, which asks the provider rather than trusting the browser). Completing twice saves one method.
/// </summary>
public sealed class PaymentSetups(ProrataDbContext db, TimeProvider time, IEnumerable<IPaymentCollector> collectors)
{
    /// <param name="returnUrl">Where the provider sends the customer back; <paramref name="linkOf"/> makes it from the new setup's id.</param>
    public async Task<SaveResult<PaymentSetupSession>> StartAsync(Guid customerId, PaymentProvider provider, Func<Guid, (Uri Return, Uri Cancel)> linkOf,
        CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null) return SaveResult<PaymentSetupSession>.NotFound($"No customer has id '{customerId}'.");
        if (collectors.FirstOrDefault(c => c.Provider == provider) is not { } collector)
            return SaveResult<PaymentSetupSession>.Invalid(new Dictionary<string, string[]>
                { ["provider"] = [$"provider {provider} is not configured here: set Prorata:{provider}'s settings first."] });
        var known = await db.SavedPaymentMethods.AsNoTracking().Where(m => m.CustomerId == customerId && m.Provider == provider)
            .Select(m => m.ProviderCustomerId).FirstOrDefaultAsync(cancellationToken)
            ?? await db.PaymentSetupSessions.AsNoTracking().Where(s => s.CustomerId == customerId && s.Provider == provider)
                .Select(s => s.ProviderCustomerId).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var (returnUrl, cancelUrl) = linkOf(id);
        var setup = await collector.StartSetupAsync(customerId, customer.Name, customer.BillingEmail, known, customer.Currency, returnUrl, cancelUrl, cancellationToken);
        var session = new PaymentSetupSession
        {
            Id = id, CustomerId = customerId, Provider = provider, ProviderSessionId = setup.SessionId, ProviderCustomerId = setup.ProviderCustomerId,
            Url = setup.Url.ToString(), CreatedAt = now,
        };
        db.PaymentSetupSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<PaymentSetupSession>.Saved(session);
    }

    /// <summary>The saved method of a setup (by Prorata's id, from the return link) the provider reports complete; null while it is not.</summary>
    public async Task<SavedPaymentMethod?> CompleteAsync(Guid setupId, CancellationToken cancellationToken) =>
        await db.PaymentSetupSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == setupId, cancellationToken) is { } session
            ? await CompleteAsync(session.Provider, session.ProviderSessionId, cancellationToken)
            : null;

    /// <summary>The saved method of a provider's session (from its webhook) the provider reports complete; null while it is not (or the session is unknown).</summary>
    public async Task<SavedPaymentMethod?> CompleteAsync(PaymentProvider provider, string sessionId, CancellationToken cancellationToken)
    {
        var session = await db.PaymentSetupSessions.FirstOrDefaultAsync(s => s.Provider == provider && s.ProviderSessionId == sessionId, cancellationToken);
        if (session is null) return null;
        if (session.PaymentMethodId is { } done) return await db.SavedPaymentMethods.AsNoTracking().FirstAsync(m => m.Id == done, cancellationToken);
        if (collectors.FirstOrDefault(c => c.Provider == provider) is not { } collector) return null;
        var saved = await collector.CompleteSetupAsync(sessionId, cancellationToken);
        if (saved is null) return null;
        var now = time.GetUtcNow();
        var method = await db.SavedPaymentMethods.FirstOrDefaultAsync(m => m.Provider == provider && m.Token == saved.Token, cancellationToken);
        if (method is null)
        {
            method = new SavedPaymentMethod
            {
                Id = Guid.CreateVersion7(now), CustomerId = session.CustomerId, Provider = provider, Kind = saved.Kind, ProviderCustomerId = saved.ProviderCustomerId,
                Token = saved.Token, Display = saved.Display, CreatedAt = now,
            };
            db.SavedPaymentMethods.Add(method);
        }
        session.CompletedAt = now;
        session.PaymentMethodId = method.Id;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Completed at the same moment by the webhook and the customer's return: that one stands.
            db.ChangeTracker.Clear();
            return await db.SavedPaymentMethods.AsNoTracking().FirstOrDefaultAsync(m => m.Provider == provider && m.Token == saved.Token, cancellationToken);
        }
        return method;
    }

    public async Task<bool> RevokeAsync(Guid customerId, Guid methodId, CancellationToken cancellationToken)
    {
        var method = await db.SavedPaymentMethods.FirstOrDefaultAsync(m => m.Id == methodId && m.CustomerId == customerId && m.RevokedAt == null, cancellationToken);
        if (method is null) return false;
        method.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
