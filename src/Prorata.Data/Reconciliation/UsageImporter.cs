using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Prorata.Domain.Reconciliation;

namespace Prorata.Data.Reconciliation;

/// <summary>
/// Stores Microsoft's daily-rated usage file and makes it what the billing engine bills in arrears: every row is kept
/// with all its columns, and the rows of each Prorata Azure plan are summed per subscription, day and meter into one
/// change-log usage entry each (the engine sums a month of them per plan anyway, so the invoice is the same as with one
/// event per row, at a fraction of the events). One transaction: a refused file — a bad value, a cut file, days already
/// imported for the same plan — stores nothing. The same bytes again return the earlier import.
/// </summary>
public sealed class UsageImporter(ProrataDbContext db, TimeProvider time)
{
    private const int Batch = 2_000;

    // A month of a thousand Azure plans is hundreds of thousands of rows: PostgreSQL takes them by binary COPY (about
    // 20 times EF's batches), SQLite in EF batches. LoggedAt stays null: the rows enter the log with the import.
    private const string CopyRows = """
        COPY "UsageRows" ("ImportId", "Row", "CustomerId", "SubscriptionId", "PlanSubscriptionId", "EntitlementId", "UsageDate", "MeterId", "MeterName",
            "MeterCategory", "ProductId", "SkuId", "ResourceUri", "ChargeType", "UnitPrice", "EffectiveUnitPrice", "Quantity", "BillingPreTaxTotal",
            "BillingCurrency", "PricingPreTaxTotal", "PricingCurrency", "PcToBcExchangeRate", "Retail", "PartnerEarnedCreditPercentage", "OtherColumns")
            FROM STDIN (FORMAT BINARY)
        """;

    /// <param name="rows">The parsed file, streaming; a parse error thrown while it is read rolls the import back and propagates.</param>
    public async Task<UsageImportOutcome> ImportAsync(string fileName, string sha256, IEnumerable<UsageLine> rows, CancellationToken cancellationToken)
    {
        if (await db.UsageImports.AsNoTracking().FirstOrDefaultAsync(i => i.Sha256 == sha256, cancellationToken) is { } earlier)
        {
            return UsageImportOutcome.Again(earlier);
        }
        var plans = await AzurePlanIds.ByFileIdAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        var import = new UsageImport { Id = Guid.CreateVersion7(now), FileName = Path.GetFileName(fileName), Sha256 = sha256, ReceivedAt = now };
        var days = new Dictionary<(Guid Plan, DateOnly Day, string Meter), (decimal Cost, decimal Retail)>();
        var firstRowOf = new Dictionary<(string Plan, DateOnly Day), long>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        NpgsqlBinaryImporter? copy = null;
        try
        {
            db.UsageImports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
            copy = db.Database.IsNpgsql()
                ? await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync(CopyRows, cancellationToken)
                : null;
            var pending = 0;
            foreach (var line in rows)
            {
                var plan = plans.GetValueOrDefault(line.SubscriptionId);
                var retail = line.PricingPreTaxTotal * line.PcToBcExchangeRate;
                if (copy is null)
                {
                    db.UsageRows.Add(Row(import.Id, line, plan, retail));
                    if (++pending == Batch)
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        db.ChangeTracker.Clear();
                        pending = 0;
                    }
                }
                else
                {
                    Write(copy, Row(import.Id, line, plan, retail));
                }
                firstRowOf.TryAdd((line.SubscriptionId.ToLowerInvariant(), line.UsageDate), line.Row);
                import.Rows++;
                import.Cost += line.BillingPreTaxTotal;
                if (plan is null)
                {
                    import.UnassignedRows++;
                }
                else
                {
                    var key = (plan.Value, line.UsageDate, UsageLogEntries.MeterOf(line.MeterId, line.MeterName));
                    var sum = days.GetValueOrDefault(key);
                    days[key] = (sum.Cost + line.BillingPreTaxTotal, sum.Retail + retail);
                }
            }
            if (copy is not null)
            {
                await copy.CompleteAsync(cancellationToken);
                // The connection stays in COPY mode until the importer is disposed.
                await copy.DisposeAsync();
                copy = null;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            if (await OverlapAsync(import, firstRowOf, cancellationToken) is { } overlap)
            {
                return UsageImportOutcome.Refused(overlap);
            }
            await UsageLogEntries.AppendAsync(db, days, import.ReceivedAt, $"usage file {import.FileName}", cancellationToken);
            db.UsageImports.Update(import);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return UsageImportOutcome.Stored(import);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A staff change of one of the plans took the next change-log sequence first; nothing of the file is stored.
            return UsageImportOutcome.Refused(new UsageFileRefusal(0, null, null,
                "An Azure plan of this file was changed while it was imported; nothing was stored. Import the file again."));
        }
        finally
        {
            // Before the transaction: a file refused half-way cancels the COPY, then the transaction rolls everything back.
            if (copy is not null) await copy.DisposeAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// A plan's day already stored by another file (an unbilled extract, then the billed one; a file cut in two and
    /// imported whole) would be billed twice: such a file is refused at its first row of that day.
    /// </summary>
    private async Task<UsageFileRefusal?> OverlapAsync(UsageImport import, Dictionary<(string Plan, DateOnly Day), long> firstRowOf, CancellationToken cancellationToken)
    {
        if (firstRowOf.Count == 0)
        {
            return null;
        }
        var plans = firstRowOf.Keys.Select(k => k.Plan).Distinct().ToList();
        var from = firstRowOf.Keys.Min(k => k.Day);
        var to = firstRowOf.Keys.Max(k => k.Day);
        var stored = await db.UsageRows.AsNoTracking()
            .Where(r => r.ImportId != import.Id && plans.Contains(r.SubscriptionId.ToLower()) && r.UsageDate >= from && r.UsageDate <= to)
            .Select(r => new { Plan = r.SubscriptionId.ToLower(), r.UsageDate, r.ImportId })
            .Distinct()
            .ToListAsync(cancellationToken);
        var clash = stored
            .Where(s => firstRowOf.ContainsKey((s.Plan, s.UsageDate)))
            .OrderBy(s => firstRowOf[(s.Plan, s.UsageDate)])
            .FirstOrDefault();
        if (clash is null)
        {
            return null;
        }
        var other = await db.UsageImports.AsNoTracking().SingleAsync(i => i.Id == clash.ImportId, cancellationToken);
        var row = firstRowOf[(clash.Plan, clash.UsageDate)];
        return new UsageFileRefusal(row, "UsageDate", clash.UsageDate.ToString("yyyy-MM-dd"),
            $"row {row}, column UsageDate: usage of Azure plan {clash.Plan} on {clash.UsageDate:yyyy-MM-dd} is already stored by '{other.FileName}' "
            + $"(imported {other.ReceivedAt:yyyy-MM-dd HH:mm} UTC); importing it again would bill it twice.");
    }

    private static void Write(NpgsqlBinaryImporter copy, UsageRow row)
    {
        copy.StartRow();
        copy.Write(row.ImportId, NpgsqlDbType.Uuid);
        copy.Write(row.Row, NpgsqlDbType.Bigint);
        copy.Write(row.CustomerId, NpgsqlDbType.Text);
        copy.Write(row.SubscriptionId, NpgsqlDbType.Text);
        if (row.PlanSubscriptionId is { } plan) copy.Write(plan, NpgsqlDbType.Uuid);
        else copy.WriteNull();
        copy.Write(row.EntitlementId, NpgsqlDbType.Text);
        copy.Write(row.UsageDate, NpgsqlDbType.Date);
        copy.Write(row.MeterId, NpgsqlDbType.Text);
        copy.Write(row.MeterName, NpgsqlDbType.Text);
        copy.Write(row.MeterCategory, NpgsqlDbType.Text);
        copy.Write(row.ProductId, NpgsqlDbType.Text);
        copy.Write(row.SkuId, NpgsqlDbType.Text);
        copy.Write(row.ResourceUri, NpgsqlDbType.Text);
        copy.Write(row.ChargeType, NpgsqlDbType.Text);
        copy.Write(row.UnitPrice, NpgsqlDbType.Numeric);
        copy.Write(row.EffectiveUnitPrice, NpgsqlDbType.Numeric);
        copy.Write(row.Quantity, NpgsqlDbType.Numeric);
        copy.Write(row.BillingPreTaxTotal, NpgsqlDbType.Numeric);
        copy.Write(row.BillingCurrency, NpgsqlDbType.Text);
        copy.Write(row.PricingPreTaxTotal, NpgsqlDbType.Numeric);
        copy.Write(row.PricingCurrency, NpgsqlDbType.Text);
        copy.Write(row.PcToBcExchangeRate, NpgsqlDbType.Numeric);
        copy.Write(row.Retail, NpgsqlDbType.Numeric);
        copy.Write(row.PartnerEarnedCreditPercentage, NpgsqlDbType.Numeric);
        copy.Write(row.OtherColumns, NpgsqlDbType.Text);
    }

    private static UsageRow Row(Guid importId, UsageLine line, Guid? plan, decimal retail) => new()
    {
        ImportId = importId,
        Row = line.Row,
        CustomerId = line.CustomerId,
        SubscriptionId = line.SubscriptionId,
        PlanSubscriptionId = plan,
        EntitlementId = line.EntitlementId,
        UsageDate = line.UsageDate,
        MeterId = line.MeterId,
        MeterName = line.MeterName,
        MeterCategory = line.MeterCategory,
        ProductId = line.ProductId,
        SkuId = line.SkuId,
        ResourceUri = line.ResourceUri,
        ChargeType = line.ChargeTypeName,
        UnitPrice = line.UnitPrice,
        EffectiveUnitPrice = line.EffectiveUnitPrice,
        Quantity = line.Quantity,
        BillingPreTaxTotal = line.BillingPreTaxTotal,
        BillingCurrency = line.BillingCurrency,
        PricingPreTaxTotal = line.PricingPreTaxTotal,
        PricingCurrency = line.PricingCurrency,
        PcToBcExchangeRate = line.PcToBcExchangeRate,
        Retail = retail,
        PartnerEarnedCreditPercentage = line.PartnerEarnedCreditPercentage,
        OtherColumns = PackedColumns.PackPairs(line.Extra),
    };
}
