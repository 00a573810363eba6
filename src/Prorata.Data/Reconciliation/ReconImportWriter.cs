using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Prorata.Domain.Reconciliation;

namespace Prorata.Data.Reconciliation;

/// <summary>
/// Stores one recon import while it is being matched: the header first, every line as it is read, the summary last.
/// PostgreSQL takes a million lines through binary COPY in one transaction (other writers are not blocked by it). SQLite
/// has one writer at a time, so it takes them in short transactions of <see cref="SqliteBatch"/> lines, the header marked
/// <see cref="ReconImport.Unfinished"/> until the summary commits, with a pause after each half second of writing in which
/// other staff's writes get the lock (they retry for 30 s; a 19-minute transaction made them fail). Disposing without
/// <see cref="CompleteAsync"/> (a refused file, a crash) rolls back, or on SQLite deletes what was written, so nothing is kept.
/// Every column of a line is kept: the typed ones in their own columns, the others packed into one text per line, their
/// names once on the import (a CSV's lines share its header) — a million lines cost one string each, not one per cell.
/// </summary>
public sealed class ReconImportWriter : IAsyncDisposable
{
    private const int SqliteBatch = 1_000;
    private const int SqliteDeleteRows = 20_000;
    private static readonly TimeSpan WriteBeforePause = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    private const string Copy = """
        COPY "ReconImportLines" ("ImportId", "Row", "CustomerId", "SubscriptionId", "ProductId", "SkuId", "ChargeType", "ChargeStart", "ChargeEnd",
            "UnitPrice", "EffectiveUnitPrice", "BillableQuantity", "Subtotal", "Total", "Currency", "ReferenceId", "PromotionId", "State",
            "ExpectedTotal", "MoneyAtStake", "RootCause", "Cause", "ExpectedChargeType", "ExpectedChargeStart", "ExpectedChargeEnd", "ExpectedUnitPrice",
            "ExpectedEffectiveUnitPrice", "ExpectedQuantity", "ExpectedReferenceId", "ExpectedUsageQuantity", "ExpectedUsageRows", "PartnerId", "CustomerName",
            "InvoiceNumber", "OrderId", "OrderDate", "ProductName", "SkuName", "SubscriptionDescription", "Quantity", "TaxTotal", "PcToBcExchangeRate",
            "TermAndBillingCycle", "BillingFrequency", "OtherColumns") FROM STDIN (FORMAT BINARY)
        """;

    private const string CopyUnbilled = """COPY "ReconImportUnbilled" ("ImportId", "Row", "UncoveredDays", "Amount") FROM STDIN (FORMAT BINARY)""";

    private readonly ProrataDbContext _db;
    // PostgreSQL's unbilled rows wait (24 bytes each) until the lines' COPY is over: a connection runs one COPY at a time.
    private readonly List<UnbilledRow> _unbilled = [];
    private readonly IDbContextTransaction? _transaction;
    private readonly ReconImport _import;
    private readonly NpgsqlBinaryImporter? _copy;
    private readonly System.Diagnostics.Stopwatch _sincePause = System.Diagnostics.Stopwatch.StartNew();
    private int _pending;
    private bool _completed;
    private IReadOnlyList<string>? _otherNames;

    private ReconImportWriter(ProrataDbContext db, IDbContextTransaction? transaction, ReconImport import, NpgsqlBinaryImporter? copy)
    {
        _db = db;
        _transaction = transaction;
        _import = import;
        _copy = copy;
    }

    /// <summary>Begins the import and inserts its header; a file with this SHA-256 already stored fails here (unique key).</summary>
    public static async Task<ReconImportWriter> BeginAsync(ProrataDbContext db, ReconImport import, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            var finalRows = import.Rows;
            import.Rows = ReconImport.Unfinished;
            db.ReconImports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            import.Rows = finalRows;
            return new ReconImportWriter(db, null, import, null);
        }
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.ReconImports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var copy = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync(Copy, cancellationToken);
            return new ReconImportWriter(db, transaction, import, copy);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Removes imports a crash left unfinished on SQLite (their lines first, a batch at a time).</summary>
    public static async Task RemoveUnfinishedAsync(ProrataDbContext db, CancellationToken cancellationToken)
    {
        foreach (var id in await db.ReconImports.Where(i => i.Rows == ReconImport.Unfinished).Select(i => i.Id).ToListAsync(cancellationToken))
        {
            await DeleteAsync(db, id, cancellationToken);
        }
    }

    /// <summary>Adds one matched line; synchronous, since the matcher streams on a worker thread.</summary>
    public void Write(LineMatch match)
    {
        var line = match.Line;
        var expected = match.Expected;
        var usage = match.Usage;
        var others = Pack(line.Extra);
        if (_copy is null)
        {
            _db.ReconImportLines.Add(new ReconImportLine
            {
                ImportId = _import.Id, Row = line.Row, CustomerId = line.CustomerId, SubscriptionId = line.SubscriptionId, ProductId = line.ProductId,
                SkuId = line.SkuId, ChargeType = line.ChargeTypeName, ChargeStart = line.ChargeStartDate, ChargeEnd = line.ChargeEndDate,
                UnitPrice = line.UnitPrice, EffectiveUnitPrice = line.EffectiveUnitPrice, BillableQuantity = line.BillableQuantity, Subtotal = line.Subtotal,
                Total = line.Total, Currency = line.Currency, ReferenceId = line.ReferenceId, PromotionId = line.PromotionId, State = match.State.ToString(),
                ExpectedTotal = match.ExpectedTotal, MoneyAtStake = match.MoneyAtStake, RootCause = match.RootCause.ToString(), Cause = match.Cause,
                ExpectedChargeType = ExpectedType(match), ExpectedChargeStart = expected?.ChargeStart ?? usage?.Month,
                ExpectedChargeEnd = expected?.ChargeEnd ?? usage?.MonthEnd, ExpectedUnitPrice = expected?.UnitPrice, ExpectedEffectiveUnitPrice = expected?.EffectiveUnitPrice,
                ExpectedQuantity = expected?.Quantity, ExpectedReferenceId = expected?.ReferenceId, ExpectedUsageQuantity = usage?.Quantity,
                ExpectedUsageRows = usage?.Rows, PartnerId = line.PartnerId, CustomerName = line.CustomerName, InvoiceNumber = line.InvoiceNumber,
                OrderId = line.OrderId, OrderDate = line.OrderDate, ProductName = line.ProductName, SkuName = line.SkuName,
                SubscriptionDescription = line.SubscriptionDescription, Quantity = line.Quantity, TaxTotal = line.TaxTotal,
                PcToBcExchangeRate = line.PcToBcExchangeRate, TermAndBillingCycle = line.TermAndBillingCycle, BillingFrequency = line.BillingFrequency,
                OtherColumns = others,
            });
            if (++_pending == SqliteBatch)
            {
                _db.SaveChanges();
                _db.ChangeTracker.Clear();
                _pending = 0;
                if (_sincePause.Elapsed > WriteBeforePause)
                {
                    // Synchronous on the matcher's worker thread; long enough for a writer retrying every 150 ms to get in.
                    Thread.Sleep(Pause);
                    _sincePause.Restart();
                }
            }
            return;
        }
        _copy.StartRow();
        _copy.Write(_import.Id, NpgsqlDbType.Uuid);
        _copy.Write(line.Row, NpgsqlDbType.Bigint);
        _copy.Write(line.CustomerId, NpgsqlDbType.Text);
        _copy.Write(line.SubscriptionId, NpgsqlDbType.Text);
        _copy.Write(line.ProductId, NpgsqlDbType.Text);
        _copy.Write(line.SkuId, NpgsqlDbType.Text);
        _copy.Write(line.ChargeTypeName, NpgsqlDbType.Text);
        _copy.Write(line.ChargeStartDate, NpgsqlDbType.Date);
        _copy.Write(line.ChargeEndDate, NpgsqlDbType.Date);
        _copy.Write(line.UnitPrice, NpgsqlDbType.Numeric);
        _copy.Write(line.EffectiveUnitPrice, NpgsqlDbType.Numeric);
        _copy.Write(line.BillableQuantity, NpgsqlDbType.Numeric);
        _copy.Write(line.Subtotal, NpgsqlDbType.Numeric);
        _copy.Write(line.Total, NpgsqlDbType.Numeric);
        _copy.Write(line.Currency, NpgsqlDbType.Text);
        _copy.Write(line.ReferenceId, NpgsqlDbType.Text);
        _copy.Write(line.PromotionId, NpgsqlDbType.Text);
        _copy.Write(match.State.ToString(), NpgsqlDbType.Varchar);
        WriteOrNull(match.ExpectedTotal, NpgsqlDbType.Numeric);
        _copy.Write(match.MoneyAtStake, NpgsqlDbType.Numeric);
        _copy.Write(match.RootCause.ToString(), NpgsqlDbType.Varchar);
        WriteOrNull(match.Cause, NpgsqlDbType.Text);
        WriteOrNull(ExpectedType(match), NpgsqlDbType.Text);
        WriteOrNull(expected?.ChargeStart ?? usage?.Month, NpgsqlDbType.Date);
        WriteOrNull(expected?.ChargeEnd ?? usage?.MonthEnd, NpgsqlDbType.Date);
        WriteOrNull(expected?.UnitPrice, NpgsqlDbType.Numeric);
        WriteOrNull(expected?.EffectiveUnitPrice, NpgsqlDbType.Numeric);
        WriteOrNull(expected?.Quantity, NpgsqlDbType.Integer);
        WriteOrNull(expected?.ReferenceId, NpgsqlDbType.Text);
        WriteOrNull(usage?.Quantity, NpgsqlDbType.Numeric);
        WriteOrNull(usage?.Rows, NpgsqlDbType.Integer);
        _copy.Write(line.PartnerId, NpgsqlDbType.Text);
        _copy.Write(line.CustomerName, NpgsqlDbType.Text);
        _copy.Write(line.InvoiceNumber, NpgsqlDbType.Text);
        _copy.Write(line.OrderId, NpgsqlDbType.Text);
        WriteOrNull(line.OrderDate, NpgsqlDbType.Date);
        _copy.Write(line.ProductName, NpgsqlDbType.Text);
        _copy.Write(line.SkuName, NpgsqlDbType.Text);
        _copy.Write(line.SubscriptionDescription, NpgsqlDbType.Text);
        _copy.Write(line.Quantity, NpgsqlDbType.Numeric);
        _copy.Write(line.TaxTotal, NpgsqlDbType.Numeric);
        _copy.Write(line.PcToBcExchangeRate, NpgsqlDbType.Numeric);
        _copy.Write(line.TermAndBillingCycle, NpgsqlDbType.Text);
        _copy.Write(line.BillingFrequency, NpgsqlDbType.Text);
        _copy.Write(others, NpgsqlDbType.Text);
    }

    /// <summary>
    /// Adds the unbilled part of a line written before (its row): on SQLite in the same batches as the lines, on PostgreSQL
    /// by a second COPY when the lines are done. Either way the import's completion stays a small transaction.
    /// </summary>
    public void WriteUnbilled(UnbilledRow row)
    {
        if (_copy is not null)
        {
            _unbilled.Add(row);
            return;
        }
        _db.ReconImportUnbilled.Add(new ReconImportUnbilled { ImportId = _import.Id, Row = row.Row, UncoveredDays = row.UncoveredDays, Amount = row.Amount });
    }

    /// <summary>The expected charge's type as in the file, <c>usage</c> for an Azure plan line matched against imported usage.</summary>
    private static string? ExpectedType(LineMatch match) =>
        match.Expected is { } expected ? ChargeTypeNames.ToCamelCase(expected.ChargeType) : match.Usage is null ? null : ReconImportLine.UsageChargeType;

    /// <summary>
    /// Values only when the line has the import's column names (every line of a CSV, by reference); otherwise — a JSON line
    /// with other properties — the names too, after a U+001D mark.
    /// </summary>
    private string Pack(IReadOnlyList<KeyValuePair<string, string>> columns)
    {
        var names = columns is ExtraColumns extra ? extra.Names : null;
        _otherNames ??= names ?? [.. columns.Select(c => c.Key)];
        if (ReferenceEquals(names, _otherNames) || SameNames(columns, _otherNames))
        {
            return PackedColumns.PackValues(columns);
        }
        return ReconImportLine.PairsMark + PackedColumns.PackPairs(columns);
    }

    private static bool SameNames(IReadOnlyList<KeyValuePair<string, string>> columns, IReadOnlyList<string> names)
    {
        if (columns.Count != names.Count)
        {
            return false;
        }
        for (var i = 0; i < names.Count; i++)
        {
            if (!string.Equals(columns[i].Key, names[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Writes the missing charges (a handful per import, through EF on both providers), any unbilled lines not written yet,
    /// the outcome onto the header, and commits the import with all its lines.
    /// </summary>
    public async Task CompleteAsync(long rows, ReconSummary summary, IReadOnlyList<MissingCharge> missing, IReadOnlyList<UnbilledCharge> unbilled,
        decimal unbilledTotal, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        foreach (var charge in unbilled)
        {
            WriteUnbilled(new UnbilledRow(charge.Line.Row, charge.UncoveredDays, charge.Amount));
        }
        if (_copy is not null)
        {
            await _copy.CompleteAsync(cancellationToken);
            await _copy.DisposeAsync();
            await using var copy = await ((NpgsqlConnection)_db.Database.GetDbConnection()).BeginBinaryImportAsync(CopyUnbilled, cancellationToken);
            foreach (var row in _unbilled)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(_import.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(row.Row, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(row.UncoveredDays, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(row.Amount, NpgsqlDbType.Numeric, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        _db.ReconImportMissing.AddRange(missing.Select((m, ordinal) => new ReconImportMissing
        {
            ImportId = _import.Id, Ordinal = ordinal, Subscription = m.Expected.Subscription, ChargeType = ChargeTypeNames.ToCamelCase(m.Expected.ChargeType),
            ChargeStart = m.Expected.ChargeStart, ChargeEnd = m.Expected.ChargeEnd, UnitPrice = m.Expected.UnitPrice,
            EffectiveUnitPrice = m.Expected.EffectiveUnitPrice, Quantity = m.Expected.Quantity, Total = m.Expected.Total, ReferenceId = m.Expected.ReferenceId,
            ProductId = m.Expected.ProductId, SkuId = m.Expected.SkuId, Currency = m.Expected.Currency, RootCause = m.RootCause.ToString(), Cause = m.Cause,
        }));

        _import.Rows = rows;
        _import.FinishedAt = finishedAt;
        (_import.Matched, _import.AmountMismatch, _import.QuantityMismatch, _import.PriceMismatch, _import.UnexpectedCharge, _import.UnknownSubscription, _import.MissingCharge)
            = (summary.Matched, summary.AmountMismatch, summary.QuantityMismatch, summary.PriceMismatch, summary.UnexpectedCharge, summary.UnknownSubscription, summary.MissingCharge);
        (_import.MoneyAtStake, _import.ActualTotal, _import.ExpectedTotal, _import.UnbilledTotal) = (summary.MoneyAtStake, summary.ActualTotal, summary.ExpectedTotal, unbilledTotal);
        _import.Currencies = [.. summary.Currencies];
        _import.OtherColumnNames = _otherNames is null ? null : PackedColumns.PackNames(_otherNames);
        _db.ReconImports.Update(_import);
        // On SQLite the last lines, the missing and unbilled rows and the finished header commit together: the import
        // becomes visible whole or not at all.
        await _db.SaveChangesAsync(cancellationToken);
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
        }
        _completed = true;
        _db.ChangeTracker.Clear();
    }

    private void WriteOrNull<T>(T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } written)
        {
            _copy!.Write(written, type);
        }
        else
        {
            _copy!.WriteNull();
        }
    }

    private void WriteOrNull(string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            _copy!.WriteNull();
        }
        else
        {
            _copy!.Write(value, type);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            // Disposing an uncompleted COPY cancels it; after CompleteAsync this does nothing.
            await _copy.DisposeAsync();
        }
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
        _db.ChangeTracker.Clear();
        if (_transaction is null && !_completed)
        {
            // SQLite committed batches of a file that was then refused: they go, so that nothing of it is kept.
            await DeleteAsync(_db, _import.Id, CancellationToken.None);
        }
    }

    private static async Task DeleteAsync(ProrataDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var last = await db.ReconImportLines.Where(l => l.ImportId == id).MaxAsync(l => (long?)l.Row, cancellationToken) ?? 0;
        for (var upTo = 0L; upTo < last + SqliteDeleteRows; upTo += SqliteDeleteRows)
        {
            var bound = upTo;
            await db.ReconImportLines.Where(l => l.ImportId == id && l.Row <= bound).ExecuteDeleteAsync(cancellationToken);
        }
        await db.ReconImportMissing.Where(m => m.ImportId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ReconImportUnbilled.Where(u => u.ImportId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ReconImports.Where(i => i.Id == id).ExecuteDeleteAsync(cancellationToken);
    }
}
