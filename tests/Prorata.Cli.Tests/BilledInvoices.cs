using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

/// <summary>
/// A billed <see cref="BillingRunSeed"/> book read back and checked, for the tests that bill it in real processes
/// (killed, restarted, several at once) and compare the result with an uninterrupted single process.
/// </summary>
internal static class BilledInvoices
{
    public static async Task<List<CustomerInvoice>> ReadAsync(string connectionString)
    {
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString));
        return await db.Invoices.AsNoTracking().Include(i => i.Lines).OrderBy(i => i.ContractId).ToListAsync();
    }

    /// <summary>What an invoice bills, without what differs between two correct runs: its id, number and timestamps.</summary>
    public static string Facts(CustomerInvoice i) =>
        FormattableString.Invariant($"{i.ContractId} {i.Kind} {i.Status} {i.LegalEntityName} {i.Currency} {i.Total} due {i.DueDate}: ") +
        string.Join("; ", i.Lines.OrderBy(l => l.Position).Select(l => FormattableString.Invariant(
            $"{l.Position} {l.SubscriptionId} {l.Kind} {l.Origin} {l.ProductId}/{l.SkuId} {l.PeriodStart}..{l.PeriodEnd} {l.Days}/{l.PeriodDays} {l.Quantity} x {l.UnitPrice} = {l.Amount}")));

    /// <summary>
    /// One issued invoice per due contract, each with lines that add up to its total, and per legal entity the numbers
    /// 1..N with the entity's sequence at N: a killed transaction took no number with it.
    /// </summary>
    public static async Task AssertWholeAndNumberedAsync(string connectionString, List<CustomerInvoice> invoices)
    {
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString));
        var due = await db.BillingContracts.AsNoTracking().Where(c => c.BillingDay == BillingRunSeed.BillingDate.Day).Select(c => c.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(due, invoices.Select(i => i.ContractId));
        Assert.All(invoices, i =>
        {
            Assert.Equal((InvoiceKind.Invoice, InvoiceStatus.Issued, BillingRunSeed.BillingDate), (i.Kind, i.Status, i.BillingDate));
            Assert.NotEmpty(i.Lines);
            Assert.Equal(i.Subtotal, i.Lines.Sum(l => l.Amount));
            Assert.Equal(i.Total, i.Lines.Sum(l => l.Amount + l.Tax));
        });
        var sequences = await db.DocumentNumberSequences.AsNoTracking().Where(s => s.Kind == InvoiceKind.Invoice).ToDictionaryAsync(s => s.LegalEntityId, s => s.LastNumber);
        var entities = invoices.GroupBy(i => i.LegalEntityId).OrderBy(g => g.Key).ToList();
        Assert.Equal(BillingRunSeed.LegalEntities, entities.Count);
        foreach (var entity in entities)
        {
            var count = entity.Count();
            Assert.Equal(Enumerable.Range(1, count).Select(n => (long?)n), entity.Select(i => i.Number).Order());
            Assert.Equal(count, sequences[entity.Key]);
        }
    }
}
