using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Prorata.Data;
using Prorata.Data.Catalog;
using Prorata.Domain.Catalog;

namespace Prorata.Testing;

/// <summary>
/// A partner's book for a billing run, loaded into PostgreSQL by binary COPY: <paramref name="contracts"/> USD contracts (one
/// customer each, billed on the 1st, 12 % markup on cost, spread over three legal entities), each with
/// <paramref name="subscriptionsPerContract"/> P1Y monthly Microsoft subscriptions, each with
/// <paramref name="changesPerSubscription"/> change-log entries in February — so a run on <see cref="BillingDate"/> bills
/// every contract. The same parameters give the same rows, except for their ids.
/// </summary>
public sealed class BillingRunSeed(int contracts, int subscriptionsPerContract, int changesPerSubscription)
{
    /// <summary>The run date that bills every seeded contract.</summary>
    public static readonly DateOnly BillingDate = new(2026, 3, 1);

    private static readonly DateTimeOffset Loaded = new(2026, 2, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Products = ["CFQ7TTC0LH18", "CFQ7TTC0LCHC", "CFQ7TTC0LFLZ", "CFQ7TTC0LF8Q", "CFQ7TTC0LDPB"];

    /// <summary>Three legal entities, so invoice numbering is contended the way a real multi-entity partner's is.</summary>
    public const int LegalEntities = 3;

    public int Contracts => contracts;

    /// <summary>Migrations, the price list, contracts with their subscriptions, the change log, then ANALYZE.</summary>
    public async Task LoadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await MigrateWithPriceListAsync(connectionString, cancellationToken);
        var subscriptions = await LoadContractsAsync(connectionString, cancellationToken);
        await LoadChangeLogAsync(connectionString, subscriptions, cancellationToken);
        await AnalyzeAsync(connectionString, cancellationToken);
    }

    /// <summary>Applies the migrations and stores one price list (2025-01-01) with a row for each of the five products.</summary>
    public static async Task MigrateWithPriceListAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString));
        await db.Database.MigrateAsync(cancellationToken);
        db.PriceListVersions.Add(new PriceListVersion
        {
            Id = Guid.NewGuid(), Name = "seed", ImportedAt = Loaded, ImportedBy = "seed", EffectiveFrom = new DateOnly(2025, 1, 1),
            Entries = Products.Select((p, i) => new PriceListEntry
            {
                ProductId = p, SkuId = "0001", Title = p, Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Market = "US", Currency = "USD",
                UnitPrice = 72m * (i + 1), ErpPrice = 86.4m * (i + 1), EffectiveFrom = new DateOnly(2025, 1, 1), Publisher = Publisher.Microsoft,
            }).ToList(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Customers, contracts, their pricing rules and subscriptions; returns the subscription ids in load order.</summary>
    public async Task<IReadOnlyList<Guid>> LoadContractsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var contractIds = new List<Guid>(contracts);
        var subscriptions = new List<Guid>(contracts * subscriptionsPerContract);
        var customers = Enumerable.Range(0, contracts).Select(i => Guid.CreateVersion7(Loaded.AddTicks(i))).ToList();
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY \"Customers\" (\"Id\", \"Name\", \"Currency\", \"BillingEmail\", \"CreditHold\", \"CreatedAt\", \"UpdatedAt\", \"Version\", \"BillingLine1\", \"BillingCity\", \"BillingPostalCode\", \"BillingRegion\", \"BillingCountry\", \"PreferredLanguage\", \"TaxExempt\") FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < contracts; i++)
            {
                await copy.WriteRowAsync(cancellationToken, customers[i], $"Bench Customer {i:D6}", "USD", $"ap{i}@bench.example", false, Loaded, Loaded, 1,
                    $"{i + 1} Pine Street", "Seattle", "98101", "WA", "US", "en", false);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        // Washington's sales tax, so every bench invoice is taxed as a real one is.
        await using (var rate = new NpgsqlCommand(
                         "INSERT INTO \"TaxRates\" (\"Id\", \"Country\", \"Region\", \"Rate\", \"Name\", \"EffectiveFrom\", \"CreatedAt\", \"UpdatedAt\") VALUES (@id, 'US', 'WA', 10.25, 'WA sales tax', DATE '2020-01-01', @at, @at) ON CONFLICT DO NOTHING",
                         connection))
        {
            rate.Parameters.AddWithValue("id", Guid.CreateVersion7(Loaded));
            rate.Parameters.AddWithValue("at", Loaded);
            await rate.ExecuteNonQueryAsync(cancellationToken);
        }
        var entityIds = Enumerable.Range(0, LegalEntities).Select(i => Guid.CreateVersion7(Loaded.AddTicks(-1 - i))).ToList();
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY \"LegalEntities\" (\"Id\", \"Name\", \"Currency\", \"InvoicePrefix\", \"CreditNotePrefix\", \"DefaultPaymentTermsDays\", \"TaxProvider\", \"AddressLine1\", \"City\", \"PostalCode\", \"Region\", \"Country\", \"CreatedAt\", \"UpdatedAt\", \"Version\") FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var e = 0; e < LegalEntities; e++)
                await copy.WriteRowAsync(cancellationToken, entityIds[e], $"Bench Entity {e}", "USD", "INV-", "CN-", 30, "BuiltIn", "500 Pine Street", "Seattle", "98101", "WA", "US", Loaded, Loaded, 1);
            await copy.CompleteAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY \"BillingContracts\" (\"Id\", \"CustomerId\", \"Currency\", \"BillingDay\", \"InvoiceCadence\", \"PaymentTermsDays\", \"RefundPolicy\", \"Alignment\", \"LegalEntityId\", \"CreatedAt\", \"UpdatedAt\", \"Version\") FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < contracts; i++)
            {
                var id = Guid.CreateVersion7(Loaded.AddTicks(i));
                contractIds.Add(id);
                await copy.WriteRowAsync(cancellationToken, id, customers[i], "USD", BillingDate.Day, "Monthly", 30, "Prorated", "Contract",
                    entityIds[i % LegalEntities], Loaded, Loaded, 1);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY \"ContractPricingRules\" (\"BillingContractId\", \"Position\", \"ProductId\", \"Method\", \"Value\") FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var id in contractIds) await copy.WriteRowAsync(cancellationToken, id, 0, "*", "MarkupOnCost", 12m);
            await copy.CompleteAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY \"Subscriptions\" (\"Id\", \"ContractId\", \"ProductId\", \"SkuId\", \"Title\", \"Term\", \"BillingPlan\", \"AlignToCalendarMonth\", \"Status\", \"Quantity\", \"AutoRenew\", \"Provisioning\", \"CreatedAt\", \"UpdatedAt\", \"ChangeCount\") FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var c = 0; c < contracts; c++)
            for (var s = 0; s < subscriptionsPerContract; s++)
            {
                var id = Guid.CreateVersion7(Loaded.AddTicks(c * subscriptionsPerContract + s));
                var product = Products[(c + s) % Products.Length];
                subscriptions.Add(id);
                await copy.WriteRowAsync(cancellationToken, id, contractIds[c], product, "0001", product, "P1Y", "Monthly", false, "Active", 10 + s, true,
                    "Provisioned", Loaded, Loaded, changesPerSubscription);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        return subscriptions;
    }

    /// <summary>
    /// The change log, all in February: per subscription the purchase, then every third change a seat increase and the
    /// others auto-renew switches (ending on), six hours apart — the month a billing run on 1 March has to bill.
    /// Returns the rows written.
    /// </summary>
    public async Task<long> LoadChangeLogAsync(string connectionString, IReadOnlyList<Guid> subscriptions, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        long rows = 0;
        // Synchronous writes: the benchmark's raw COPY baseline should be as fast as Npgsql goes (the async path awaits per field).
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"LicenseChangeLog\" (\"SubscriptionId\", \"Sequence\", \"Type\", \"At\", \"RecordedAt\", \"Actor\", \"Source\", \"Quantity\", \"Enabled\", \"AwaitingProvisioning\") FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < subscriptions.Count; i++)
        {
            var purchased = new DateTimeOffset(2026, 2, 1 + i % 20, 8 + i % 8, 0, 0, TimeSpan.Zero);
            var quantity = 10 + i % subscriptionsPerContract;
            for (var k = 0; k < changesPerSubscription; k++)
            {
                var at = purchased.AddHours(6 * k);
                var type = k == 0 ? "Purchase" : k % 3 == 0 ? "SetQuantity" : "SetAutoRenew";
                int? seats = k == 0 ? quantity : k % 3 == 0 ? quantity + k : null;
                bool? enabled = k == 0 ? true : k % 3 == 0 ? null : k % 2 == 1 || k == changesPerSubscription - 1;
                copy.StartRow();
                copy.Write(subscriptions[i], NpgsqlDbType.Uuid);
                copy.Write(k + 1, NpgsqlDbType.Integer);
                copy.Write(type, NpgsqlDbType.Varchar);
                copy.Write(at, NpgsqlDbType.TimestampTz);
                copy.Write(at, NpgsqlDbType.TimestampTz);
                copy.Write("bench", NpgsqlDbType.Varchar);
                copy.Write("Sync", NpgsqlDbType.Varchar);
                if (seats is { } q) copy.Write(q, NpgsqlDbType.Integer); else copy.WriteNull();
                if (enabled is { } e) copy.Write(e, NpgsqlDbType.Boolean); else copy.WriteNull();
                copy.Write(false, NpgsqlDbType.Boolean);
                rows++;
            }
        }
        await copy.CompleteAsync(cancellationToken);
        return rows;
    }

    /// <summary>Fresh statistics, so the run's first queries are planned for the loaded rows and not for empty tables.</summary>
    public static async Task AnalyzeAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("ANALYZE", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
