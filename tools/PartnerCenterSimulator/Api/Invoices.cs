using System.Text.Json.Nodes;
using PartnerCenterSimulator.Model;
using PartnerCenterSimulator.State;

namespace PartnerCenterSimulator.Api;

/// <summary>
/// Invoices from the simulator's own charges: one per calendar month, issued on the 6th of the next month
/// (Microsoft publishes them between the 6th and the 8th, §1.1); until then the month's lines are unbilled.
/// </summary>
public static class Invoices
{
    private const int IssueDay = 6;

    public static IReadOnlyList<SimInvoice> Closed(SimulatorState state, DateTimeOffset now) =>
        [.. state.Charges
            .GroupBy(c => new DateOnly(c.OrderDate.UtcDateTime.Year, c.OrderDate.UtcDateTime.Month, 1))
            .Where(g => IssuedAt(g.Key) <= now)
            .OrderBy(g => g.Key)
            .Select(g => new SimInvoice(
                $"G{g.Key:yyyyMM}001", g.Key, g.Key.AddMonths(1).AddDays(-1), g.Key.AddMonths(1).AddDays(IssueDay - 1), [.. g]))];

    public static IReadOnlyList<SimCharge> Unbilled(SimulatorState state, DateTimeOffset now, bool previous)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1);
        if (previous)
        {
            month = month.AddMonths(-1);
        }
        return IssuedAt(month) <= now
            ? []
            : [.. state.Charges.Where(c => c.OrderDate.UtcDateTime.Year == month.Year && c.OrderDate.UtcDateTime.Month == month.Month)];
    }

    public static JsonObject Shape(SimInvoice invoice) => new()
    {
        ["id"] = invoice.Id,
        ["invoiceDate"] = Shapes.Day(invoice.InvoiceDate),
        ["billingPeriodStartDate"] = Shapes.Day(invoice.PeriodStart),
        ["billingPeriodEndDate"] = Shapes.Day(invoice.PeriodEnd),
        ["totalCharges"] = invoice.TotalCharges,
        ["paidAmount"] = 0m,
        ["currencyCode"] = "USD",
        ["currencySymbol"] = "$",
        ["pdfDownloadLink"] = $"/v1/invoices/{invoice.Id}/documents/statement",
        ["invoiceDetails"] = new JsonArray(new JsonObject
        {
            ["invoiceLineItemType"] = "billing_line_items",
            ["billingProvider"] = "one_time",
            ["links"] = new JsonObject
            {
                ["self"] = Shapes.Link($"/v1/invoices/{invoice.Id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems"),
            },
        }),
        ["documentType"] = "Invoice",
        ["amendsOf"] = null,
        ["invoiceType"] = "recurring",
        ["attributes"] = Shapes.Attributes("Invoice"),
    };

    private static DateTimeOffset IssuedAt(DateOnly month) =>
        new(month.AddMonths(1).AddDays(IssueDay - 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

}
