using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Commissions;
using Prorata.Domain.Contracts;
using Prorata.Domain.Insight;

namespace Prorata.Application.Commissions;

/// <summary>
/// A salesperson's commission plans: added, changed, ended (a date in <c>effectiveTo</c>) or deleted by Owner and Finance.
/// A plan for the same product and SKU as another of the salesperson's, on a day both cover, is refused (422
/// <c>PlanOverlaps</c>): the plan in force on an invoice date must be one. Changing or deleting a plan changes what the
/// ledger computes; what an approved statement paid stays, and the difference goes into the next open statement.
/// </summary>
public sealed class SalespersonPlans(ProrataDbContext db, TimeProvider time)
{
    public const string PlanOverlaps = "PlanOverlaps";
    private const int MaxIdLength = 64;

    public async Task<CommissionResult<SalespersonPlan>> AddAsync(Guid salespersonId, PlanDraft draft, CancellationToken cancellationToken)
    {
        if (!await db.Salespeople.AnyAsync(s => s.Id == salespersonId, cancellationToken))
            return CommissionResult<SalespersonPlan>.NotFound($"No salesperson has id '{salespersonId}'.");
        var now = time.GetUtcNow();
        var plan = new SalespersonPlan { Id = Guid.CreateVersion7(now), SalespersonId = salespersonId, ProductId = "", CreatedAt = now };
        return await SaveAsync(plan, draft, added: true, cancellationToken);
    }

    public async Task<CommissionResult<SalespersonPlan>> UpdateAsync(Guid salespersonId, Guid planId, PlanDraft draft, CancellationToken cancellationToken)
    {
        var plan = await db.SalespersonPlans.FirstOrDefaultAsync(p => p.Id == planId && p.SalespersonId == salespersonId, cancellationToken);
        if (plan is null) return CommissionResult<SalespersonPlan>.NotFound($"Salesperson '{salespersonId}' has no plan with id '{planId}'.");
        return await SaveAsync(plan, draft, added: false, cancellationToken);
    }

    /// <summary>Ends a plan on <paramref name="effectiveTo"/> (inclusive), everything else as it is: how a rate changes from a day on.</summary>
    public async Task<CommissionResult<SalespersonPlan>> EndAsync(Guid salespersonId, Guid planId, string? effectiveTo, CancellationToken cancellationToken)
    {
        var plan = await db.SalespersonPlans.FirstOrDefaultAsync(p => p.Id == planId && p.SalespersonId == salespersonId, cancellationToken);
        if (plan is null) return CommissionResult<SalespersonPlan>.NotFound($"Salesperson '{salespersonId}' has no plan with id '{planId}'.");
        var draft = new PlanDraft(plan.ProductId, plan.SkuId, plan.Basis.ToString(), plan.Rate, plan.Payout.ToString(),
            plan.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), effectiveTo);
        return await SaveAsync(plan, draft, added: false, cancellationToken);
    }

    public async Task<CommissionResult<SalespersonPlan>> DeleteAsync(Guid salespersonId, Guid planId, CancellationToken cancellationToken)
    {
        var plan = await db.SalespersonPlans.FirstOrDefaultAsync(p => p.Id == planId && p.SalespersonId == salespersonId, cancellationToken);
        if (plan is null) return CommissionResult<SalespersonPlan>.NotFound($"Salesperson '{salespersonId}' has no plan with id '{planId}'.");
        db.SalespersonPlans.Remove(plan);
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult<SalespersonPlan>.Done(plan);
    }

    private async Task<CommissionResult<SalespersonPlan>> SaveAsync(SalespersonPlan plan, PlanDraft draft, bool added, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var productId = draft.ProductId?.Trim() ?? "";
        var skuId = string.IsNullOrWhiteSpace(draft.SkuId) ? null : draft.SkuId.Trim();
        var basis = EnumText.Parse(draft.Basis, (CommissionBasis)(-1), "basis", errors);
        var payout = EnumText.Parse(draft.Payout, (CommissionPayout)(-1), "payout", errors);
        if (string.IsNullOrWhiteSpace(draft.Basis)) errors.Add("basis", $"basis is required: one of {EnumText.Names<CommissionBasis>()}.");
        if (string.IsNullOrWhiteSpace(draft.Payout)) errors.Add("payout", $"payout is required: one of {EnumText.Names<CommissionPayout>()}.");
        if (draft.Rate is not { } rate || rate < 0 || rate > 100 || decimal.Round(rate, 4) != rate)
            errors.Add("rate", $"rate must be a percent from 0 to 100 with at most 4 decimals; got {draft.Rate?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}.");
        var from = Date(draft.EffectiveFrom, "effectiveFrom", required: true, errors);
        var to = Date(draft.EffectiveTo, "effectiveTo", required: false, errors);
        if (from is { } start && to is { } end && end < start)
            errors.Add("effectiveTo", $"effectiveTo must not be before effectiveFrom ({start:yyyy-MM-dd}); got {end:yyyy-MM-dd}.");

        if (productId.Length == 0 || productId.Length > MaxIdLength)
            errors.Add("productId", $"productId is required: a catalog product id or '*' for every product, at most {MaxIdLength} characters; got '{draft.ProductId}'.");
        else if (productId == CommissionPlan.AnyProduct)
        {
            if (skuId is not null) errors.Add("skuId", $"skuId must be empty when productId is '*' (every product); got '{skuId}'.");
        }
        else
        {
            var upper = productId.ToUpperInvariant();
            var skus = await db.CatalogProducts.AsNoTracking().Where(p => p.ProductId.ToUpper() == upper).Select(p => p.SkuId).ToListAsync(cancellationToken);
            if (skus.Count == 0)
                errors.Add("productId", $"productId must be a product of the catalog or '*'; got '{productId}'.");
            else if (skuId is not null && !skus.Contains(skuId, StringComparer.OrdinalIgnoreCase))
                errors.Add("skuId", $"skuId must be a SKU of product {productId} in the catalog ({string.Join(", ", skus.Order(StringComparer.Ordinal))}); got '{skuId}'.");
        }
        if (!errors.IsValid) return CommissionResult<SalespersonPlan>.Invalid(errors.ToDictionary());

        var others = await db.SalespersonPlans.AsNoTracking().Where(p => p.SalespersonId == plan.SalespersonId && p.Id != plan.Id).ToListAsync(cancellationToken);
        var overlap = others.FirstOrDefault(o => string.Equals(o.ProductId, productId, StringComparison.OrdinalIgnoreCase)
            && string.Equals(o.SkuId, skuId, StringComparison.OrdinalIgnoreCase)
            && o.EffectiveFrom <= (to ?? DateOnly.MaxValue) && from!.Value <= (o.EffectiveTo ?? DateOnly.MaxValue));
        if (overlap is not null)
            return CommissionResult<SalespersonPlan>.Refused(PlanOverlaps,
                $"A plan for {Describe(productId, skuId)} from {from:yyyy-MM-dd} to {To(to)} overlaps plan {overlap.Id} ({overlap.EffectiveFrom:yyyy-MM-dd} to {To(overlap.EffectiveTo)}): "
                + "end that plan (effectiveTo) before this one starts.");

        (plan.ProductId, plan.SkuId, plan.Basis, plan.Rate, plan.Payout, plan.EffectiveFrom, plan.EffectiveTo, plan.UpdatedAt) =
            (productId, skuId, basis, draft.Rate!.Value, payout, from!.Value, to, time.GetUtcNow());
        if (added) db.SalespersonPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult<SalespersonPlan>.Done(plan);
    }

    private static string Describe(string productId, string? skuId) =>
        productId == CommissionPlan.AnyProduct ? "every product (*)" : skuId is null ? $"product {productId} (every SKU)" : $"product {productId} SKU {skuId}";

    private static string To(DateOnly? end) => end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "open";

    private static DateOnly? Date(string? text, string field, bool required, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, $"{field} is required, written yyyy-MM-dd.");
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, $"{field} must be a date written yyyy-MM-dd; got '{text}'.");
        return null;
    }
}
