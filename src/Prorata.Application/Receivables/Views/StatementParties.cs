using Microsoft.EntityFrameworkCore;
using Prorata.Application.Invoices;
using Prorata.Application.Invoices.Documents;
using Prorata.Data;

namespace Prorata.Application.Receivables.Views;

/// <summary>
/// Who a statement is from and to, which <see cref="CustomerStatement"/> does not carry: the legal entity of the customer's
/// contracts in the statement's currency (its name, address, bank details and logo, as it is now), and the customer with
/// its billing address. <see cref="Seller"/> is null for a customer without a contract.
/// </summary>
public sealed record StatementParties(InvoiceParty? Seller, InvoiceParty Buyer, PaymentInstructions? Payment, byte[]? SellerLogoPng)
{
    /// <summary>
    /// The parties of the customer's statement in <paramref name="currency"/>; null for an unknown customer. A customer with
    /// contracts of several entities in one currency gets the entity of its oldest contract in that currency (else of any).
    /// </summary>
    public static async Task<StatementParties?> LoadAsync(ProrataDbContext db, Guid customerId, string currency, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null) return null;
        var entityId = await db.BillingContracts.AsNoTracking().Where(c => c.CustomerId == customerId)
            .OrderBy(c => c.Currency == currency ? 0 : 1).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => (Guid?)c.LegalEntityId).FirstOrDefaultAsync(cancellationToken);
        var entity = entityId is { } id ? await db.LegalEntities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) : null;
        if (entity is null) return new StatementParties(null, new InvoiceParty(customer.Name, customer.BillingAddress, customer.TaxId, customer.BillingEmail), null, null);
        var parties = IssuedParties.Of(entity, customer);
        return new StatementParties(parties.Seller, parties.Buyer, parties.Payment, entity.LogoPng);
    }
}
