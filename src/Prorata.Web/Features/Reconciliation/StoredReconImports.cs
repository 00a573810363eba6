using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Data.Reconciliation;
using Prorata.Domain.Billing;
using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// Imports read back from the database: the list takes headers only, an opened import also its missing charges and
/// unbilled lines; discrepancies are read a page at a time (a file can have millions), every column of each line as the
/// file had it. Lines stored before all columns were kept read back with only the columns the matcher reads. An import
/// still being written in batches (<see cref="ReconImport.Unfinished"/>) is not read.
/// </summary>
internal static class StoredReconImports
{
    public static async Task<IReadOnlyList<ReconciliationImport>> HeadersAsync(ProrataDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.ReconImports.AsNoTracking().Where(i => i.Rows != ReconImport.Unfinished).ToListAsync(cancellationToken);
        return [.. rows.Select(row => Restore(row, [], 0))];
    }

    public static async Task<ReconciliationImport?> LoadAsync(ProrataDbContext db, Guid? id, string? sha256, CancellationToken cancellationToken)
    {
        var row = await db.ReconImports.AsNoTracking()
            .FirstOrDefaultAsync(i => (i.Id == id || i.Sha256 == sha256) && i.Rows != ReconImport.Unfinished, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var missing = await db.ReconImportMissing.AsNoTracking().Where(m => m.ImportId == row.Id).OrderBy(m => m.Ordinal).ToListAsync(cancellationToken);
        var unbilled = await db.ReconImportUnbilled.AsNoTracking().CountAsync(u => u.ImportId == row.Id, cancellationToken);
        return Restore(row, [.. missing.Select(Missing)], unbilled);
    }

    /// <summary>One page of an import's unbilled lines in row order, each with every column of its line, and how many match the text in all.</summary>
    public static async Task<(IReadOnlyList<UnbilledCharge> Page, int Total)> UnbilledAsync(ProrataDbContext db, Guid id, string? text, int skip, int take,
        CancellationToken cancellationToken)
    {
        var query = db.ReconImportUnbilled.AsNoTracking().Where(u => u.ImportId == id)
            .Join(await MatchingAsync(db, db.ReconImportLines.AsNoTracking().Where(l => l.ImportId == id), text, cancellationToken), u => u.Row, l => l.Row,
                (u, l) => new { u, l });
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(x => x.u.Row).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var names = await NamesAsync(db, id, cancellationToken);
        return ([.. page.Select(x => new UnbilledCharge(Line(x.l, names), x.u.UncoveredDays, x.u.Amount))], total);
    }

    /// <summary>
    /// Lines whose subscription id, customer (id, the file's name, or Prorata's name of the subscription's customer) or
    /// product (id or the file's name) contains the text, in any case.
    /// </summary>
    private static async Task<IQueryable<ReconImportLine>> MatchingAsync(ProrataDbContext db, IQueryable<ReconImportLine> lines, string? text,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) return lines;
        var needle = text.Trim().ToLowerInvariant();
        var customers = await db.Subscriptions.AsNoTracking()
            .Join(db.BillingContracts.AsNoTracking(), s => s.ContractId, c => c.Id, (s, c) => new { s.Id, c.Customer!.Name })
            .Where(s => s.Name.ToLower().Contains(needle)).Select(s => s.Id).Take(MaxNamedSubscriptions).ToListAsync(cancellationToken);
        var linked = await db.PartnerCenterSubscriptions.AsNoTracking().Where(l => l.SubscriptionId != null && customers.Contains(l.SubscriptionId.Value))
            .Select(l => l.PartnerCenterSubscriptionId.ToLower()).ToListAsync(cancellationToken);
        var named = customers.Select(StoredTimeline.IdOf).Concat(linked).ToList();
        return lines.Where(l => l.SubscriptionId.ToLower().Contains(needle) || l.CustomerId.ToLower().Contains(needle)
            || (l.CustomerName != null && l.CustomerName.ToLower().Contains(needle)) || l.ProductId.ToLower().Contains(needle)
            || (l.ProductName != null && l.ProductName.ToLower().Contains(needle)) || named.Contains(l.SubscriptionId.ToLower()));
    }

    // A search by a customer's name looks at this many of its subscriptions at most; a name that broad is no filter.
    private const int MaxNamedSubscriptions = 1000;

    /// <summary>One page of an import's discrepancies in row order, filtered by state, subscription and text, and how many match in all.</summary>
    public static async Task<(IReadOnlyList<LineMatch> Page, int Total)> DiscrepanciesAsync(ProrataDbContext db, Guid id, ReconState? state, string? subscription,
        string? text, int skip, int take, CancellationToken cancellationToken)
    {
        var matched = nameof(ReconState.Matched);
        var query = db.ReconImportLines.AsNoTracking().Where(l => l.ImportId == id && l.State != matched);
        if (state is { } wanted)
        {
            var name = wanted.ToString();
            query = query.Where(l => l.State == name);
        }
        if (!string.IsNullOrWhiteSpace(subscription))
        {
            var needle = subscription.Trim().ToLowerInvariant();
            query = query.Where(l => l.SubscriptionId.ToLower().Contains(needle));
        }
        query = await MatchingAsync(db, query, text, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(l => l.Row).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var names = await NamesAsync(db, id, cancellationToken);
        return ([.. page.Select(l => Match(l, names))], total);
    }

    /// <summary>The discrepancy on one row of an import; null when the row matched or does not exist.</summary>
    public static async Task<LineMatch?> DiscrepancyAsync(ProrataDbContext db, Guid id, long row, CancellationToken cancellationToken)
    {
        var matched = nameof(ReconState.Matched);
        var line = await db.ReconImportLines.AsNoTracking().FirstOrDefaultAsync(l => l.ImportId == id && l.Row == row && l.State != matched, cancellationToken);
        return line is null ? null : Match(line, await NamesAsync(db, id, cancellationToken));
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(ProrataDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var packed = await db.ReconImports.AsNoTracking().Where(i => i.Id == id).Select(i => i.OtherColumnNames).FirstOrDefaultAsync(cancellationToken);
        return packed is null ? [] : PackedColumns.Unpack(packed);
    }

    private static ReconciliationImport Restore(ReconImport row, IReadOnlyList<MissingCharge> missing, int unbilled)
    {
        var import = new ReconciliationImport(row.Id, row.FileName, row.Sha256, row.ScenarioName, row.ReceivedAt);
        import.Restore(row.Rows, new ReconSummary(row.Matched, row.AmountMismatch, row.QuantityMismatch, row.PriceMismatch, row.UnexpectedCharge,
            row.UnknownSubscription, row.MissingCharge, row.MoneyAtStake, row.ActualTotal, row.ExpectedTotal) { Currencies = row.Currencies }, row.UnbilledTotal,
            row.FinishedAt, missing, unbilled);
        if (row.WithdrawnAt is { } at)
        {
            import.Withdraw(at, row.WithdrawnBy, row.WithdrawalReason);
        }
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
