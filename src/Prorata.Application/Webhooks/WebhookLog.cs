using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Webhooks;

namespace Prorata.Application.Webhooks;

/// <summary>
/// Reads the webhook subscriptions and their delivery log, for the API, the pages and the command line: it needs no
/// secret, so a command without the app's key ring can read it.
/// </summary>
public sealed class WebhookLog(ProrataDbContext db)
{
    public const int MaxPageSize = 200;

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken) =>
        await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);

    public Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<WebhookDeliveryList> DeliveriesAsync(Guid subscriptionId, WebhookDeliveryState? state, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        if (state is { } wanted) query = query.Where(d => d.State == wanted);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new WebhookDeliveryList(items, total, page, pageSize);
    }

    /// <summary>One delivery with its attempts in order.</summary>
    public async Task<WebhookDelivery?> DeliveryAsync(Guid subscriptionId, Guid deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Log)
            .FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == subscriptionId, cancellationToken);
        delivery?.Log.Sort((a, b) => a.Number.CompareTo(b.Number));
        return delivery;
    }
}
