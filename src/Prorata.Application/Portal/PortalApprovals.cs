using Microsoft.EntityFrameworkCore;
using Prorata.Application.Subscriptions;
using Prorata.Data;
using Prorata.Data.Portal;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Subscriptions;

namespace Prorata.Application.Portal;

/// <summary>
/// Staff's queue of portal changes that wait for approval. Approving claims the request first (one conditional update:
/// two people approving at once apply it once), then applies it in the customer user's name with source Portal, the
/// request's new state saved with the change. The NCE rules are checked again when it is applied: a window may have closed
/// meanwhile, and then the request ends Refused with the reason. A claim left by a stopped process is taken over after
/// <see cref="StaleClaim"/>.
/// </summary>
public sealed class PortalApprovals(ProrataDbContext db, SubscriptionChanges changes, TimeProvider time)
{
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<PortalRequest>> ListAsync(PortalRequestState? state, Guid? customerId, CancellationToken cancellationToken)
    {
        var query = db.PortalRequests.AsNoTracking();
        if (state is { } s) query = query.Where(r => r.State == s);
        if (customerId is { } c) query = query.Where(r => r.CustomerId == c);
        return (await query.ToListAsync(cancellationToken)).OrderByDescending(r => r.RequestedAt).ToList();
    }

    public async Task<SaveResult<PortalRequest>> ApproveAsync(Guid requestId, string staff, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stale = now - StaleClaim;
        var claimed = await db.PortalRequests
            .Where(r => r.Id == requestId && (r.State == PortalRequestState.Pending || (r.State == PortalRequestState.Approving && r.DecidedAt < stale)))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, PortalRequestState.Approving).SetProperty(r => r.DecidedBy, staff).SetProperty(r => r.DecidedAt, now),
                cancellationToken);
        if (claimed == 0) return await NotPendingAsync(requestId, cancellationToken);

        var request = await db.PortalRequests.FirstAsync(r => r.Id == requestId, CancellationToken.None);
        var actor = new ChangeActor(request.RequestedBy, ChangeSource.Portal);
        request.State = PortalRequestState.Approved;
        var outcome = request.Type == SubscriptionEventType.Purchase
            ? await changes.PurchaseAsync(new PurchaseRequest(request.ContractId, request.ProductId, request.SkuId, request.Term, request.BillingPlan, request.Quantity ?? 0)
                { LargeChangeConfirmed = true }, actor, CancellationToken.None)
            : await changes.ChangeAsync(request.SubscriptionId!.Value, new ChangeRequest(request.Type) { Quantity = request.Quantity, LargeChangeConfirmed = true },
                actor, CancellationToken.None);
        if (outcome.Subscription is { } applied)
        {
            // Saved with the change by SubscriptionChanges: the request was tracked when it saved.
            request.ResultSubscriptionId = applied.Id;
            await db.SaveChangesAsync(CancellationToken.None);
            return SaveResult<PortalRequest>.Saved(request);
        }
        var why = outcome.Refusal is { } refusal ? $"{refusal.Code}: {refusal.Message}"
            : outcome.Conflict ? "The subscription changed at the same moment; approve again." : outcome.NotFound ?? "Not applied.";
        db.ChangeTracker.Clear();
        var state = outcome.Conflict ? PortalRequestState.Pending : PortalRequestState.Refused;
        await db.PortalRequests.Where(r => r.Id == requestId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, state).SetProperty(r => r.Outcome, why), CancellationToken.None);
        return SaveResult<PortalRequest>.Conflict(why);
    }

    public async Task<SaveResult<PortalRequest>> DeclineAsync(Guid requestId, string staff, string? reason, CancellationToken cancellationToken)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > 1000)
            return SaveResult<PortalRequest>.Invalid(new Dictionary<string, string[]> { ["reason"] = ["reason (1 to 1,000 characters) is required: the customer sees it."] });
        var declined = await db.PortalRequests.Where(r => r.Id == requestId && r.State == PortalRequestState.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, PortalRequestState.Declined).SetProperty(r => r.DecidedBy, staff)
                .SetProperty(r => r.DecidedAt, time.GetUtcNow()).SetProperty(r => r.Outcome, why), cancellationToken);
        return declined == 0 ? await NotPendingAsync(requestId, cancellationToken)
            : SaveResult<PortalRequest>.Saved(await db.PortalRequests.AsNoTracking().FirstAsync(r => r.Id == requestId, cancellationToken));
    }

    /// <summary>The customer takes back a request staff have not decided yet.</summary>
    public async Task<SaveResult<PortalRequest>> WithdrawAsync(PortalCaller caller, Guid requestId, CancellationToken cancellationToken)
    {
        if (!await db.PortalRequests.AnyAsync(r => r.Id == requestId && r.CustomerId == caller.CustomerId, cancellationToken))
            return SaveResult<PortalRequest>.NotFound($"You have no request '{requestId}'.");
        var withdrawn = await db.PortalRequests.Where(r => r.Id == requestId && r.CustomerId == caller.CustomerId && r.State == PortalRequestState.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, PortalRequestState.Withdrawn).SetProperty(r => r.DecidedBy, caller.Email)
                .SetProperty(r => r.DecidedAt, time.GetUtcNow()), cancellationToken);
        return withdrawn == 0 ? await NotPendingAsync(requestId, cancellationToken)
            : SaveResult<PortalRequest>.Saved(await db.PortalRequests.AsNoTracking().FirstAsync(r => r.Id == requestId, cancellationToken));
    }

    private async Task<SaveResult<PortalRequest>> NotPendingAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.PortalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        return request is null
            ? SaveResult<PortalRequest>.NotFound($"No portal request has id '{requestId}'.")
            : SaveResult<PortalRequest>.Conflict($"The request is {request.State.ToString().ToLowerInvariant()} already{(request.DecidedBy is { } by ? $" (by {by})" : "")}: nothing was changed.");
    }
}
