using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Tax;
using Prorata.Domain.Contracts;
using Prorata.Domain.Tax;

namespace Prorata.Application.Tax;

/// <summary>A rate as typed: country and region are upper-cased; a missing rate or start date is named back.</summary>
public sealed record TaxRateDraft(string? Country, string? Region, decimal? Rate, string? Name, DateOnly? EffectiveFrom, DateOnly? EffectiveTo);

/// <summary>
/// Keeps the built-in rate table (billing-rules §5). Two rows of one country and region may not be in force on a same
/// day: an invoice date must find one rate. Changing or removing a row never changes an issued invoice, which keeps
/// the rate it was taxed at; drafts are taxed again when they are issued.
/// </summary>
public sealed class SaveTaxRate(ProrataDbContext db, TimeProvider time)
{
    public async Task<SaveResult<TaxRateRow>> CreateAsync(TaxRateDraft draft, CancellationToken cancellationToken) =>
        await SaveAsync(null, draft, cancellationToken);

    public async Task<SaveResult<TaxRateRow>> UpdateAsync(Guid id, TaxRateDraft draft, CancellationToken cancellationToken) =>
        await SaveAsync(id, draft, cancellationToken);

    public async Task<SaveResult<TaxRateRow>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.TaxRates.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (row is null) return SaveResult<TaxRateRow>.NotFound($"No tax rate has id '{id}'.");
        db.TaxRates.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<TaxRateRow>.Saved(row);
    }

    private async Task<SaveResult<TaxRateRow>> SaveAsync(Guid? id, TaxRateDraft draft, CancellationToken cancellationToken)
    {
        var row = id is { } existing ? await db.TaxRates.FirstOrDefaultAsync(r => r.Id == existing, cancellationToken) : null;
        if (id is not null && row is null) return SaveResult<TaxRateRow>.NotFound($"No tax rate has id '{id}'.");
        var errors = new ValidationErrors();
        if (draft.Rate is null) errors.Add("rate", "rate is required (percent between 0 and 100, e.g. 19).");
        if (draft.EffectiveFrom is null) errors.Add("effectiveFrom", "effectiveFrom is required (yyyy-MM-dd: the first day the rate applies).");
        var rate = new TaxRate(draft.Country?.Trim().ToUpperInvariant() ?? "", string.IsNullOrWhiteSpace(draft.Region) ? null : draft.Region.Trim().ToUpperInvariant(),
            draft.Rate ?? 0m, draft.Name?.Trim() ?? "", draft.EffectiveFrom ?? DateOnly.MinValue, draft.EffectiveTo);
        TaxRateRules.Validate(rate, errors);
        if (!errors.IsValid) return SaveResult<TaxRateRow>.Invalid(errors.ToDictionary());

        var others = (await db.TaxRates.AsNoTracking().Where(r => r.Country == rate.Country && r.Region == rate.Region && r.Id != id).ToListAsync(cancellationToken))
            .Select(r => new TaxRate(r.Country.Trim(), r.Region, r.Rate, r.Name, r.EffectiveFrom, r.EffectiveTo)).ToList();
        if (TaxRateRules.Overlap([.. others, rate]) is { } overlap)
        {
            var other = others[overlap.First];
            return SaveResult<TaxRateRow>.Conflict(
                $"The {rate.Country}{(rate.Region is null ? "" : $"/{rate.Region}")} rate from {rate.EffectiveFrom:yyyy-MM-dd} overlaps the {other.Rate:0.####} % row in force from {other.EffectiveFrom:yyyy-MM-dd}{(other.EffectiveTo is { } to ? $" to {to:yyyy-MM-dd}" : "")}: end that row first (effectiveTo), so each date finds one rate.");
        }
        var now = time.GetUtcNow();
        if (row is null)
        {
            row = new TaxRateRow { Id = Guid.CreateVersion7(now), Country = rate.Country, Name = rate.Name, CreatedAt = now };
            db.TaxRates.Add(row);
        }
        row.Country = rate.Country;
        row.Region = rate.Region;
        row.Rate = rate.Rate;
        row.Name = rate.Name;
        row.EffectiveFrom = rate.EffectiveFrom;
        row.EffectiveTo = rate.EffectiveTo;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<TaxRateRow>.Saved(row);
    }
}
