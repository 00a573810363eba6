using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Domain.Contracts;
using Prorata.Domain.Money;

namespace Prorata.Application.Invoices;

/// <summary>
/// Charges and credits Finance adds to a contract's next invoice, for both the API and the contract page. The next
/// billing run bills them (see BillingRunner); until then they can be removed.
/// </summary>
public sealed class OneOffCharges(ProrataDbContext db, TimeProvider time)
{
    public const int DescriptionLength = 200;

    public Task<List<OneOffCharge>> ListAsync(Guid contractId, CancellationToken cancellationToken) =>
        db.OneOffCharges.AsNoTracking().Where(c => c.ContractId == contractId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    /// <param name="amount">Negative for a credit; in the contract currency's precision.</param>
    /// <param name="actor">The staff user adding it.</param>
    public async Task<SaveResult<OneOffCharge>> AddAsync(Guid contractId, Guid subscriptionId, string? description, decimal amount, string actor,
        CancellationToken cancellationToken)
    {
        var contract = await db.BillingContracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken);
        if (contract is null) return SaveResult<OneOffCharge>.NotFound($"No billing contract has id '{contractId}'.");
        var errors = new ValidationErrors();
        if (!await db.Subscriptions.AnyAsync(s => s.Id == subscriptionId && s.ContractId == contractId, cancellationToken))
            errors.Add("subscriptionId", $"subscriptionId must be a subscription of contract {contractId}; got '{subscriptionId}'.");
        var reason = description?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > DescriptionLength)
            errors.Add("description", $"description is required (at most {DescriptionLength} characters): the customer reads it on the invoice.");
        var currency = Currency.FromCode(contract.Currency);
        if (amount == 0m || Rounding.Customer(amount, currency) != amount)
            errors.Add("amount", $"amount must not be 0 and must be in {currency.Code}'s precision ({currency.MinorUnits} decimals); negative is a credit; got {amount}.");
        if (!errors.IsValid) return SaveResult<OneOffCharge>.Invalid(errors.ToDictionary());

        var now = time.GetUtcNow();
        var charge = new OneOffCharge
        {
            Id = Guid.CreateVersion7(now),
            ContractId = contractId,
            SubscriptionId = subscriptionId,
            Description = reason!,
            Amount = amount,
            CreatedBy = actor,
            CreatedAt = now,
        };
        db.OneOffCharges.Add(charge);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<OneOffCharge>.Saved(charge);
    }

    /// <summary>Removes a charge no invoice has billed yet; a billed one is on an invoice and stays.</summary>
    public async Task<SaveResult<OneOffCharge>> RemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var charge = await db.OneOffCharges.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (charge is null) return SaveResult<OneOffCharge>.NotFound($"No one-off charge has id '{id}'.");
        if (charge.InvoiceId is { } invoiceId)
            return SaveResult<OneOffCharge>.Conflict($"One-off charge {id} is billed on invoice {invoiceId}; void that invoice or credit it instead.");
        db.OneOffCharges.Remove(charge);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<OneOffCharge>.Saved(charge);
    }
}
