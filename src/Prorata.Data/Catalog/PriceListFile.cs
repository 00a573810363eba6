using System.Globalization;
using CsvHelper;
using Prorata.Domain.Catalog;

namespace Prorata.Data.Catalog;

/// <summary>
/// Reads Microsoft's NCE license-based price list (microsoft-csp.md §3): columns found by header name, case-insensitively,
/// unknown columns ignored. Rows whose billing plan is not a charge cycle (trials: None; OneTime) are skipped and counted;
/// a tiered offer repeats its key, and its first tier is kept. A bad value names its row and column; nothing is imported.
/// </summary>
public static class PriceListFile
{
    private static readonly string[] Required = ["ProductId", "SkuId", "TermDuration", "BillingPlan", "Currency", "UnitPrice", "EffectiveStartDate"];

    public static PriceListParse Read(Stream csv)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default, true);
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var headers = reader.Headers;
        for (var i = 0; i < headers.Count; i++) columns.TryAdd(headers[i].Trim(), i);
        var errors = Required.Where(c => !columns.ContainsKey(c)).Select(c => $"The header has no {c} column (columns are matched by name, in any case).").ToList();
        var rows = new List<PriceListEntry>();
        var skipped = 0;
        if (errors.Count > 0) return new PriceListParse(rows, skipped, errors);

        var seen = new HashSet<(string, string, TermDuration, BillingPlan, string, string, DateOnly)>();
        var line = 1;
        while (reader.Read())
        {
            line++;
            string Field(string name) => columns.TryGetValue(name, out var index) && index < reader.FieldCount ? reader.GetString(index).Trim() : "";
            var before = errors.Count;
            var plan = Field("BillingPlan");
            if (plan.Equals("None", StringComparison.OrdinalIgnoreCase) || plan.Equals("OneTime", StringComparison.OrdinalIgnoreCase)
                || plan.Equals("One_Time", StringComparison.OrdinalIgnoreCase))
            {
                skipped++;
                continue;
            }
            var term = Enum.TryParse<TermDuration>(Field("TermDuration"), ignoreCase: true, out var t) && Enum.IsDefined(t) && !char.IsDigit(Field("TermDuration")[0]) ? t : (TermDuration?)null;
            if (term is null) errors.Add($"Row {line}, column TermDuration: '{Field("TermDuration")}' is not P1M, P1Y or P3Y.");
            var billingPlan = Enum.TryParse<BillingPlan>(plan, ignoreCase: true, out var p) && !char.IsDigit(plan.FirstOrDefault('0')) ? p : (BillingPlan?)null;
            if (billingPlan is null) errors.Add($"Row {line}, column BillingPlan: '{plan}' is not Monthly, Annual or Triennial.");
            var unitPrice = Decimal(Field("UnitPrice"), "UnitPrice", line, errors, required: true);
            var erp = Decimal(Field("ERP Price"), "ERP Price", line, errors, required: false);
            var from = Date(Field("EffectiveStartDate"), "EffectiveStartDate", line, errors, required: true);
            var to = Date(Field("EffectiveEndDate"), "EffectiveEndDate", line, errors, required: false);
            var productId = Field("ProductId");
            var currency = Field("Currency").ToUpperInvariant();
            if (productId.Length == 0) errors.Add($"Row {line}, column ProductId: empty.");
            if (currency.Length != 3) errors.Add($"Row {line}, column Currency: '{currency}' is not an ISO 4217 code.");
            if (errors.Count > before)
            {
                // Twenty errors say enough about a file; the partner fixes them and uploads again.
                if (errors.Count >= 20) break;
                continue;
            }
            var market = Field("Market").ToUpperInvariant();
            if (!seen.Add((productId.ToUpperInvariant(), Field("SkuId").ToUpperInvariant(), term!.Value, billingPlan!.Value, market, currency, from!.Value))) continue;
            var title = string.Join(" ", new[] { Field("ProductTitle"), Field("SkuTitle") }.Where(s => s.Length > 0).Distinct());
            rows.Add(new PriceListEntry
            {
                ProductId = productId,
                SkuId = Field("SkuId"),
                Title = title.Length > 0 ? title[..Math.Min(title.Length, 256)] : productId,
                Term = term.Value,
                BillingPlan = billingPlan.Value,
                Market = market.Length > 8 ? market[..8] : market,
                Currency = currency,
                UnitPrice = unitPrice!.Value,
                ErpPrice = erp,
                EffectiveFrom = from.Value,
                EffectiveTo = to,
                Publisher = Publisher.Microsoft,
            });
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            // A header alone (or only trials) would become a version with no offer, and every offer would read as removed.
            errors.Add($"The file has no license row to import ({skipped} skipped as trials or one-time); nothing was imported.");
        }
        return new PriceListParse(rows, skipped, errors);
    }

    private static decimal? Decimal(string text, string column, int line, List<string> errors, bool required)
    {
        if (text.Length == 0)
        {
            if (required) errors.Add($"Row {line}, column {column}: empty.");
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0) return value;
        errors.Add($"Row {line}, column {column}: '{text}' is not a price.");
        return null;
    }

    private static DateOnly? Date(string text, string column, int line, List<string> errors, bool required)
    {
        if (text.Length == 0)
        {
            if (required) errors.Add($"Row {line}, column {column}: empty.");
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            return DateOnly.FromDateTime(value.UtcDateTime);
        errors.Add($"Row {line}, column {column}: '{text}' is not a date.");
        return null;
    }
}
