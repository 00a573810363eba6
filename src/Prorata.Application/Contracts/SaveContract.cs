using Microsoft.EntityFrameworkCore;
using Prorata.Application.Webhooks;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Data.LegalEntities;
using Prorata.Domain.Contracts;

namespace Prorata.Application.Contracts;

/// <summary>Creates and changes billing contracts for both the API and the pages.</summary>
public sealed class SaveContract(ProrataDbContext db, TimeProvider time)
{
    /// <param name="draft">The contract's terms.</param>
    /// <param name="currencyConfirmed">The caller confirmed a currency other than the customer's (see <see cref="CheckCurrency"/>).</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<SaveResult<BillingContract>> CreateAsync(BillingContractDraft draft, bool currencyConfirmed, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var entity = await FindLegalEntityAsync(draft, errors, cancellationToken);
        var terms = BillingContractRules.Validate(WithEntityDefaults(draft, entity), errors);
        if (terms is not null)
        {
            var customerCurrency = await db.Customers.Where(c => c.Id == terms.CustomerId).Select(c => c.Currency).FirstOrDefaultAsync(cancellationToken);
            if (customerCurrency is null) errors.Add("customerId", $"customerId must be an existing customer; got '{terms.CustomerId}'.");
            else CheckCurrency(terms.Currency.Code, customerCurrency, currencyConfirmed, errors);
        }
        if (terms is null || entity is null || !errors.IsValid)
        {
            return SaveResult<BillingContract>.Invalid(errors.ToDictionary());
        }

        var now = time.GetUtcNow();
        var contract = new BillingContract
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = terms.CustomerId,
            Currency = terms.Currency.Code,
            LegalEntityId = entity.Id,
            CreatedAt = now,
            Version = 1,
        };
        Apply(contract, terms, now);
        db.BillingContracts.Add(contract);
        await DomainEvents.RecordAsync(db, DomainEvents.ContractChanged(contract, created: true), contract.CustomerId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Entry(contract).Reference(c => c.LegalEntity).LoadAsync(cancellationToken);
        return SaveResult<BillingContract>.Saved(contract);
    }

    /// <param name="id">The contract to change.</param>
    /// <param name="draft">The new terms, all of them; the customer cannot change.</param>
    /// <param name="expectedVersion">The version the caller read; a different current version is a conflict. Null skips the check.</param>
    /// <param name="currencyConfirmed">The caller confirmed a change to a currency other than the customer's.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<SaveResult<BillingContract>> UpdateAsync(Guid id, BillingContractDraft draft, int? expectedVersion, bool currencyConfirmed,
        CancellationToken cancellationToken)
    {
        var contract = await db.BillingContracts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return SaveResult<BillingContract>.NotFound($"No billing contract has id '{id}'.");
        }
        var errors = new ValidationErrors();
        var entity = await FindLegalEntityAsync(draft, errors, cancellationToken);
        var terms = BillingContractRules.Validate(WithEntityDefaults(draft with { CustomerId = draft.CustomerId ?? contract.CustomerId }, entity), errors);
        if (terms is not null && terms.CustomerId != contract.CustomerId)
        {
            // Charges already billed under the contract belong to its customer; moving it would rewrite history.
            errors.Add("customerId", $"customerId cannot change on an existing contract (it is '{contract.CustomerId}'); got '{terms.CustomerId}'.");
        }
        if (terms is not null && terms.Currency.Code != contract.Currency)
        {
            var customerCurrency = await db.Customers.Where(c => c.Id == contract.CustomerId).Select(c => c.Currency).FirstAsync(cancellationToken);
            CheckCurrency(terms.Currency.Code, customerCurrency, currencyConfirmed, errors);
        }
        if (terms is null || entity is null || !errors.IsValid)
        {
            return SaveResult<BillingContract>.Invalid(errors.ToDictionary());
        }
        if (expectedVersion is { } expected && expected != contract.Version)
        {
            return SaveResult<BillingContract>.Conflict(
                $"The contract was changed by someone else (version {contract.Version}, you sent {expected}); reload and try again.");
        }

        contract.Currency = terms.Currency.Code;
        contract.LegalEntityId = entity.Id;
        contract.Version++;
        Apply(contract, terms, time.GetUtcNow());
        await DomainEvents.RecordAsync(db, DomainEvents.ContractChanged(contract, created: false), contract.CustomerId, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult<BillingContract>.Conflict("The contract was changed by someone else while saving; reload and try again.");
        }
        await db.Entry(contract).Reference(c => c.LegalEntity).LoadAsync(cancellationToken);
        return SaveResult<BillingContract>.Saved(contract);
    }

    private static void Apply(BillingContract contract, BillingContractTerms terms, DateTimeOffset now)
    {
        contract.BillingDay = terms.BillingDay;
        contract.InvoiceCadence = terms.InvoiceCadence;
        contract.PaymentTermsDays = terms.PaymentTermsDays;
        contract.StartDate = terms.StartDate;
        contract.RefundPolicy = terms.RefundPolicy;
        contract.Alignment = terms.Alignment;
        contract.UpdatedAt = now;
        contract.PricingRules.Clear();
        contract.PricingRules.AddRange(terms.PricingRules.Select((rule, position) => new ContractPricingRule
        {
            Position = position,
            ProductId = rule.ProductId,
            SkuId = rule.SkuId,
            Method = rule.Method,
            Value = rule.Value,
        }));
    }

    /// <summary>The legal entity the draft names, by id or else by legal name; a name nobody registered is refused, not created.</summary>
    private async Task<LegalEntity?> FindLegalEntityAsync(BillingContractDraft draft, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (draft.LegalEntityId is { } id && id != Guid.Empty)
        {
            var byId = await db.LegalEntities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (byId is null) errors.Add("legalEntityId", $"legalEntityId must be an existing legal entity; got '{id}'.");
            return byId;
        }
        var name = draft.LegalEntityName?.Trim();
        if (string.IsNullOrEmpty(name)) return null;
        var byName = await db.LegalEntities.AsNoTracking().FirstOrDefaultAsync(e => e.Name == name, cancellationToken);
        if (byName is null) errors.Add("legalEntityName", $"legalEntityName must name an existing legal entity (create it under Legal entities first); got '{name}'.");
        return byName;
    }

    /// <summary>Payment terms not given follow the legal entity's default.</summary>
    private static BillingContractDraft WithEntityDefaults(BillingContractDraft draft, LegalEntity? entity) =>
        draft with { PaymentTermsDays = draft.PaymentTermsDays ?? entity?.DefaultPaymentTermsDays };

    /// <summary>
    /// A contract billed in another currency than its customer's is allowed (a subsidiary paying in its own currency) but
    /// is more often a slip (JPY picked for a EUR customer): it needs the caller's explicit confirmation, else nothing is saved.
    /// </summary>
    public static void CheckCurrency(string currency, string customerCurrency, bool confirmed, ValidationErrors errors)
    {
        if (confirmed || string.Equals(currency, customerCurrency, StringComparison.Ordinal)) return;
        errors.Add("currency", $"currency {currency} is not the customer's currency ({customerCurrency}): its invoices would be in {currency}. "
            + $"Confirm it (confirmCurrency: true; on the form, the box under the currency) if this customer is billed in {currency} on purpose; got '{currency}'.");
    }
}
