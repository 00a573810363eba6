using Microsoft.EntityFrameworkCore;
using Prorata.Data.Billing;
using Prorata.Testing;
using Prorata.Application.Billing;

namespace Prorata.Data.Tests;

public sealed class PostgresBillingRunTests(PostgresDatabase database) : BillingRunTests, IClassFixture<PostgresDatabase>
{
    // Pooled here: these tests open a context per change, and a new PostgreSQL connection each time would dominate.
    protected override string ConnectionString => database.ConnectionString.Replace("Pooling=False", "Pooling=True", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task Run_TwoAtOnceForOneDate_OneInvoicePerContractAndNoNumberGaps()
    {
        const int billingDay = 6;
        var entity = $"Concurrent Entity {Guid.NewGuid():N}";
        for (var i = 0; i < 20; i++)
        {
            var contract = await NewContractAsync($"Concurrent {i} {Guid.NewGuid():N}", billingDay, entity);
            await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 1 + i);
        }
        var date = new DateOnly(2026, 2, billingDay);
        await using var first = NewContext();
        await using var second = NewContext();

        var results = await Task.WhenAll(
            new BillingRunner(first, Options, Time).RunAsync(date, issue: true, null, CancellationToken.None),
            new BillingRunner(second, Options, Time).RunAsync(date, issue: true, null, CancellationToken.None));

        await using var db = NewContext();
        var invoices = await db.Invoices.Where(i => i.BillingDate == date).ToListAsync();
        Assert.Equal(20, invoices.Count);
        Assert.Equal(20, invoices.Select(i => i.ContractId).Distinct().Count());
        Assert.Equal(20, results.Sum(r => r.Invoiced));
        // One legal entity: its issued invoices are numbered 1..20, no gap left by the run that lost a race.
        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long?)n), invoices.Select(i => i.Number).Order());
    }
}
