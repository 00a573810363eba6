using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Prorata.Domain.Reconciliation;

namespace Prorata.Data.Reconciliation;

/// <summary>
/// Stores one recon import in one transaction while it is being matched: the header first, every line as it is read,
/// the summary last. A million lines go through PostgreSQL's binary COPY (the bench's path); SQLite takes them in EF
/// batches. Disposing without <see cref="CompleteAsync"/> (a refused file, a crash) rolls back, so nothing is stored.
/// </summary>
public sealed class ReconImportWriter : IAsyncDisposable
{
    private const int SqliteBatch = 2_000;

    private const string Copy = """
        COPY "ReconImportLines" ("ImportId", "Row", "CustomerId", "SubscriptionId", "ProductId", "SkuId", "ChargeType", "ChargeStart", "ChargeEnd",
            "UnitPrice", "EffectiveUnitPrice", "BillableQuantity", "Subtotal", "Total", "Currency", "ReferenceId", "PromotionId", "State",
            "ExpectedTotal", "MoneyAtStake", "RootCause", "Cause", "ExpectedChargeType", "ExpectedChargeStart", "ExpectedChargeEnd", "ExpectedUnitPrice",
            "ExpectedEffectiveUnitPrice", "ExpectedQuantity", "ExpectedReferenceId") FROM STDIN (FORMAT BINARY)
        """;

    private readonly ProrataDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly ReconImport _import;
    private readonly NpgsqlBinaryImporter? _copy;
    private int _pending;

    private ReconImportWriter(ProrataDbContext db, IDbContextTransaction transaction, ReconImport import, NpgsqlBinaryImporter? copy)
    {
        _db = db;
        _transaction = transaction;
        _import = import;
        _copy = copy;
    }

    /// <summary>Begins the transaction and inserts the header; a file with this SHA-256 already stored fails here (unique key).</summary>
    public static async Task<ReconImportWriter> BeginAsync(ProrataDbContext db, ReconImport import, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.ReconImports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var copy = db.Database.IsNpgsql()
                ? await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync(Copy, cancellationToken)
                : null;
            return new ReconImportWriter(db, transaction, import, copy);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds one matched line; synchronous, since the matcher streams on a worker thread.</summary>
    public void Write(LineMatch match)
    {
        var line = match.Line;
        var expected = match.Expected;
        if (_copy is null)
        {
            _db.ReconImportLines.Add(new ReconImportLine
            {
                ImportId = _import.Id, Row = line.Row, CustomerId = line.CustomerId, SubscriptionId = line.SubscriptionId, ProductId = line.ProductId,
                SkuId = line.SkuId, ChargeType = line.ChargeTypeName, ChargeStart = line.ChargeStartDate, ChargeEnd = line.ChargeEndDate,
                UnitPrice = line.UnitPrice, EffectiveUnitPrice = line.EffectiveUnitPrice, BillableQuantity = line.BillableQuantity, Subtotal = line.Subtotal,
                Total = line.Total, Currency = line.Currency, ReferenceId = line.ReferenceId, PromotionId = line.PromotionId, State = match.State.ToString(),
                ExpectedTotal = expected?.Total, MoneyAtStake = match.MoneyAtStake, RootCause = match.RootCause.ToString(), Cause = match.Cause,
                ExpectedChargeType = expected is null ? null : ChargeTypeNames.ToCamelCase(expected.ChargeType), ExpectedChargeStart = expected?.ChargeStart,
                ExpectedChargeEnd = expected?.ChargeEnd, ExpectedUnitPrice = expected?.UnitPrice, ExpectedEffectiveUnitPrice = expected?.EffectiveUnitPrice,
                ExpectedQuantity = expected?.Quantity, ExpectedReferenceId = expected?.ReferenceId,
            });
            if (++_pending == SqliteBatch)
            {
                _db.SaveChanges();
                _db.ChangeTracker.Clear();
                _pending = 0;
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
        WriteOrNull(expected?.Total, NpgsqlDbType.Numeric);
        _copy.Write(match.MoneyAtStake, NpgsqlDbType.Numeric);
        _copy.Write(match.RootCause.ToString(), NpgsqlDbType.Varchar);
        WriteOrNull(match.Cause, NpgsqlDbType.Text);
        WriteOrNull(expected is null ? null : ChargeTypeNames.ToCamelCase(expected.ChargeType), NpgsqlDbType.Text);
        WriteOrNull(expected?.ChargeStart, NpgsqlDbType.Date);
        WriteOrNull(expected?.ChargeEnd, NpgsqlDbType.Date);
        WriteOrNull(expected?.UnitPrice, NpgsqlDbType.Numeric);
        WriteOrNull(expected?.EffectiveUnitPrice, NpgsqlDbType.Numeric);
        WriteOrNull(expected?.Quantity, NpgsqlDbType.Integer);
        WriteOrNull(expected?.ReferenceId, NpgsqlDbType.Text);
    }

    /// <summary>
    /// Writes the missing charges and the unbilled lines (a handful per import, so through EF on both providers), the
    /// outcome onto the header, and commits the import with all its lines.
    /// </summary>
    public async Task CompleteAsync(long rows, ReconSummary summary, IReadOnlyList<MissingCharge> missing, IReadOnlyList<UnbilledCharge> unbilled,
        decimal unbilledTotal, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        if (_copy is not null)
        {
            await _copy.CompleteAsync(cancellationToken);
            await _copy.DisposeAsync();
        }
        _db.ReconImportMissing.AddRange(missing.Select((m, ordinal) => new ReconImportMissing
        {
            ImportId = _import.Id, Ordinal = ordinal, Subscription = m.Expected.Subscription, ChargeType = ChargeTypeNames.ToCamelCase(m.Expected.ChargeType),
            ChargeStart = m.Expected.ChargeStart, ChargeEnd = m.Expected.ChargeEnd, UnitPrice = m.Expected.UnitPrice,
            EffectiveUnitPrice = m.Expected.EffectiveUnitPrice, Quantity = m.Expected.Quantity, Total = m.Expected.Total, ReferenceId = m.Expected.ReferenceId,
            ProductId = m.Expected.ProductId, SkuId = m.Expected.SkuId, Currency = m.Expected.Currency, RootCause = m.RootCause.ToString(), Cause = m.Cause,
        }));
        _db.ReconImportUnbilled.AddRange(unbilled.Select(u => new ReconImportUnbilled
        {
            ImportId = _import.Id, Row = u.Line.Row, UncoveredDays = u.UncoveredDays, Amount = u.Amount,
        }));

        _import.Rows = rows;
        _import.FinishedAt = finishedAt;
        (_import.Matched, _import.AmountMismatch, _import.QuantityMismatch, _import.PriceMismatch, _import.UnexpectedCharge, _import.UnknownSubscription, _import.MissingCharge)
            = (summary.Matched, summary.AmountMismatch, summary.QuantityMismatch, summary.PriceMismatch, summary.UnexpectedCharge, summary.UnknownSubscription, summary.MissingCharge);
        (_import.MoneyAtStake, _import.ActualTotal, _import.ExpectedTotal, _import.UnbilledTotal) = (summary.MoneyAtStake, summary.ActualTotal, summary.ExpectedTotal, unbilledTotal);
        _db.ReconImports.Update(_import);
        await _db.SaveChangesAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
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
        await _transaction.DisposeAsync();
        _db.ChangeTracker.Clear();
    }
}
