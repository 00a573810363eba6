using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.LegalEntities;
using Prorata.Domain.Contracts;
using Prorata.Domain.LegalEntities;

namespace Prorata.Application.LegalEntities;

/// <summary>Creates and changes the partner's legal entities for the API, the page and the CLI.</summary>
public sealed class SaveLegalEntity(ProrataDbContext db, TimeProvider time)
{
    public async Task<SaveResult<LegalEntity>> CreateAsync(LegalEntityDraft draft, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var details = LegalEntityRules.Validate(draft, errors);
        if (details is null) return SaveResult<LegalEntity>.Invalid(errors.ToDictionary());
        if (await db.LegalEntities.AnyAsync(e => e.Name == details.Name, cancellationToken))
            return SaveResult<LegalEntity>.Conflict($"A legal entity named '{details.Name}' already exists.");
        var now = time.GetUtcNow();
        var entity = new LegalEntity
        {
            Id = Guid.CreateVersion7(now),
            Name = details.Name,
            Currency = details.Currency.Code,
            InvoicePrefix = details.InvoicePrefix,
            CreditNotePrefix = details.CreditNotePrefix,
            CreatedAt = now,
            Version = 1,
        };
        Apply(entity, details, now);
        db.LegalEntities.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<LegalEntity>.Saved(entity);
    }

    /// <param name="id">The entity to change.</param>
    /// <param name="draft">All its details (the logo is kept; it has its own call).</param>
    /// <param name="expectedVersion">The version the caller read; a different current version is a conflict. Null skips the check.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<SaveResult<LegalEntity>> UpdateAsync(Guid id, LegalEntityDraft draft, int? expectedVersion, CancellationToken cancellationToken)
    {
        var entity = await db.LegalEntities.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entity is null) return SaveResult<LegalEntity>.NotFound($"No legal entity has id '{id}'.");
        var errors = new ValidationErrors();
        var details = LegalEntityRules.Validate(draft, errors);
        if (details is null) return SaveResult<LegalEntity>.Invalid(errors.ToDictionary());
        if (expectedVersion is { } expected && expected != entity.Version)
            return SaveResult<LegalEntity>.Conflict($"Legal entity '{entity.Name}' was changed by someone else (version {entity.Version}, you sent {expected}); reload and try again.");
        if (await db.LegalEntities.AnyAsync(e => e.Name == details.Name && e.Id != id, cancellationToken))
            return SaveResult<LegalEntity>.Conflict($"A legal entity named '{details.Name}' already exists.");
        entity.Name = details.Name;
        entity.Currency = details.Currency.Code;
        // Issued numbers keep the prefix they were printed with (stored on each invoice); a new prefix applies from the next one.
        entity.InvoicePrefix = details.InvoicePrefix;
        entity.CreditNotePrefix = details.CreditNotePrefix;
        entity.Version++;
        Apply(entity, details, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult<LegalEntity>.Conflict($"Legal entity '{details.Name}' was changed by someone else while saving; reload and try again.");
        }
        return SaveResult<LegalEntity>.Saved(entity);
    }

    /// <summary>Sets the logo printed on the entity's invoices, or removes it (null).</summary>
    public async Task<SaveResult<LegalEntity>> SetLogoAsync(Guid id, byte[]? png, CancellationToken cancellationToken)
    {
        var entity = await db.LegalEntities.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entity is null) return SaveResult<LegalEntity>.NotFound($"No legal entity has id '{id}'.");
        if (png is not null && LegalEntityRules.CheckLogo(png) is { } problem)
            return SaveResult<LegalEntity>.Invalid(new Dictionary<string, string[]> { ["logo"] = [problem] });
        entity.LogoPng = png;
        entity.UpdatedAt = time.GetUtcNow();
        entity.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<LegalEntity>.Saved(entity);
    }

    private static void Apply(LegalEntity entity, LegalEntityDetails details, DateTimeOffset now)
    {
        entity.SetAddress(details.Address);
        entity.TaxId = details.TaxId;
        entity.Email = details.Email;
        entity.BankAccountName = details.BankAccountName;
        entity.Iban = details.Iban;
        entity.Bic = details.Bic;
        entity.PaymentText = details.PaymentText;
        entity.DefaultPaymentTermsDays = details.DefaultPaymentTermsDays;
        entity.TaxProvider = details.TaxProvider;
        entity.AvalaraCompanyCode = details.AvalaraCompanyCode;
        entity.UpdatedAt = now;
    }
}
