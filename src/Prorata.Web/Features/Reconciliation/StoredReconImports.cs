using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Reconciliation;
using Prorata.Domain.Billing;
using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// Imports read back from the database, for after a restart: the list takes headers only, an opened import also its
/// discrepancies, missing charges and unbilled lines, every column of each line as the file had it. Lines stored before
/// all columns were kept read back with only the columns the matcher reads.
/// </summary>
internal static class StoredReconImports
{
    public static async Task<IReadOnlyList<ReconciliationImport>> HeadersAsync(ProrataDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.ReconImports.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(row => Restore(row, [], [], []))];
    }

    public static async Task<ReconciliationImport?> LoadAsync(ProrataDbContext db, Guid? id, string? sha256, CancellationToken cancellationToken)
    {
        var row = await db.ReconImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id || i.Sha256 == sha256, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var matched = nameof(ReconState.Matched);
        var discrepancies = await db.ReconImportLines.AsNoTracking()
            .Where(l => l.ImportId == row.Id && l.State != matched).OrderBy(l => l.Row).ToListAsync(cancellationToken);
        var missing = await db.ReconImportMissing.AsNoTracking().Where(m => m.ImportId == row.Id).OrderBy(m => m.Ordinal).ToListAsync(cancellationToken);
        var unbilled = await db.ReconImportUnbilled.AsNoTracking().Where(u => u.ImportId == row.Id)
            .Join(db.ReconImportLines.AsNoTracking(), u => new { u.ImportId, u.Row }, l => new { l.ImportId, l.Row }, (u, l) => new { u, l })
            .OrderBy(x => x.u.Row).ToListAsync(cancellationToken);
        IReadOnlyList<string> names = row.OtherColumnNames is null ? [] : PackedColumns.Unpack(row.OtherColumnNames);
        return Restore(row, [.. discrepancies.Select(l => Match(l, names))], [.. missing.Select(Missing)],
            [.. unbilled.Select(x => new UnbilledCharge(Line(x.l, names), x.u.UncoveredDays, x.u.Amount))]);
    }

    private static ReconciliationImport Restore(
        ReconImport row, IReadOnlyList<LineMatch> discrepancies, IReadOnlyList<MissingCharge> missing, IReadOnlyList<UnbilledCharge> unbilled)
    {
        var import = new ReconciliationImport(row.Id, row.FileName, row.Sha256, row.ScenarioName, row.ReceivedAt);
        import.Restore(row.Rows, new ReconSummary(row.Matched, row.AmountMismatch, row.QuantityMismatch, row.PriceMismatch, row.UnexpectedCharge,
            row.UnknownSubscription, row.MissingCharge, row.MoneyAtStake, row.ActualTotal, row.ExpectedTotal), row.UnbilledTotal, row.FinishedAt,
            discrepancies, missing, unbilled);
        return import;
    }

    private static ReconLine Line(ReconImportLine l, IReadOnlyList<string> names) => new()
    {
        Row = l.Row, CustomerId = l.CustomerId, SubscriptionId = l.SubscriptionId, ProductId = l.ProductId, SkuId = l.SkuId, ChargeTypeName = l.ChargeType,
        ChargeType = ChargeTypeNames.TryParse(l.ChargeType, out var type) ? type : null, ChargeStartDate = l.ChargeStart, ChargeEndDate = l.ChargeEnd,
        UnitPrice = l.UnitPrice, EffectiveUnitPrice = l.EffectiveUnitPrice, BillableQuantity = l.BillableQuantity, Subtotal = l.Subtotal, Total = l.Total,
        Currency = l.Currency, ReferenceId = l.ReferenceId, PromotionId = l.PromotionId, PartnerId = l.PartnerId ?? "", CustomerName = l.CustomerName ?? "",
        InvoiceNumber = l.InvoiceNumber ?? "", OrderId = l.OrderId ?? "", OrderDate = l.OrderDate, ProductName = l.ProductName ?? "", SkuName = l.SkuName ?? "",
        SubscriptionDescription = l.SubscriptionDescription ?? "", Quantity = l.Quantity ?? l.BillableQuantity, TaxTotal = l.TaxTotal ?? 0m,
        PcToBcExchangeRate = l.PcToBcExchangeRate ?? 1m, TermAndBillingCycle = l.TermAndBillingCycle ?? "", BillingFrequency = l.BillingFrequency ?? "",
        Extra = Others(l.OtherColumns, names),
    };

    private static IReadOnlyList<KeyValuePair<string, string>> Others(string? packed, IReadOnlyList<string> names) => packed switch
    {
        null => [],
        [ReconImportLine.PairsMark, ..] => PackedColumns.UnpackPairs(packed[1..]),
        _ => PackedColumns.UnpackValues(names, packed),
    };

    private static LineMatch Match(ReconImportLine l, IReadOnlyList<string> names)
    {
        ProviderCharge? expected = l.ExpectedTotal is { } total && ChargeTypeNames.TryParse(l.ExpectedChargeType, out var type)
            ? new ProviderCharge(l.SubscriptionId, type, l.ExpectedChargeStart!.Value, l.ExpectedChargeEnd!.Value, l.ExpectedUnitPrice!.Value,
                l.ExpectedEffectiveUnitPrice!.Value, l.ExpectedQuantity!.Value, total, l.ExpectedReferenceId!, l.ProductId, l.SkuId, l.Currency)
            : null;
        var usage = l.ExpectedChargeType == ReconImportLine.UsageChargeType && l.ExpectedTotal is { } cost
            ? new ExpectedUsage(l.SubscriptionId, l.ExpectedChargeStart!.Value, l.ProductId, l.SkuId, cost, l.ExpectedUsageQuantity!.Value, l.ExpectedUsageRows!.Value)
            : null;
        return new LineMatch(Line(l, names), Enum.Parse<ReconState>(l.State), expected, Cause(l.RootCause), l.Cause, l.MoneyAtStake) { Usage = usage };
    }

    private static MissingCharge Missing(ReconImportMissing m)
    {
        ChargeTypeNames.TryParse(m.ChargeType, out var type);
        return new MissingCharge(new ProviderCharge(m.Subscription, type, m.ChargeStart, m.ChargeEnd, m.UnitPrice, m.EffectiveUnitPrice, m.Quantity, m.Total,
            m.ReferenceId, m.ProductId, m.SkuId, m.Currency), Cause(m.RootCause), m.Cause);
    }

    // Lines stored before root causes were kept carry an empty one.
    private static RootCause Cause(string name) => ReconText.TryParse<RootCause>(name, out var cause) ? cause : RootCause.None;
}
