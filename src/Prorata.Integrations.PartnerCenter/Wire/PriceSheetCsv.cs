using System.Globalization;
using System.Text;
using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Wire;

/// <summary>
/// Reads the license-based price list CSV (§3) by header name, case-insensitively, ignoring columns it does not know
/// (a Segment column may have been added since the documented header).
/// </summary>
internal static class PriceSheetCsv
{
    public static IReadOnlyList<PriceSheetRow> Parse(string csv)
    {
        var records = Records(csv).ToList();
        if (records.Count == 0)
        {
            return [];
        }
        var header = records[0]
            .Select((name, index) => (name: name.Trim(), index))
            .GroupBy(h => h.name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().index, StringComparer.OrdinalIgnoreCase);
        string Field(IReadOnlyList<string> row, string name) =>
            header.TryGetValue(name, out var i) && i < row.Count ? row[i] : "";
        var rows = new List<PriceSheetRow>(records.Count - 1);
        foreach (var row in records.Skip(1).Where(r => r.Count > 1))
        {
            rows.Add(new PriceSheetRow(
                Field(row, "ProductTitle"), Field(row, "ProductId"), Field(row, "SkuId"), Field(row, "SkuTitle"),
                Field(row, "TermDuration"), Field(row, "BillingPlan"), Field(row, "Market"), Field(row, "Currency"),
                decimal.Parse(Field(row, "UnitPrice"), NumberStyles.Number, CultureInfo.InvariantCulture),
                decimal.TryParse(Field(row, "ERP Price"), NumberStyles.Number, CultureInfo.InvariantCulture, out var erp) ? erp : null,
                DateTimeOffset.Parse(Field(row, "EffectiveStartDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                DateTimeOffset.TryParse(Field(row, "EffectiveEndDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end) ? end : null));
        }
        return rows;
    }

    // RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
    private static IEnumerable<List<string>> Records(string csv)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    yield return row;
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
