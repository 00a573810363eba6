using System.Globalization;
using System.Text;
using PartnerCenterSimulator.Catalog;

namespace PartnerCenterSimulator.Api;

/// <summary>The NCE license-based price list as the price-sheet API returns it (§3): a quoted CSV with Microsoft's header.</summary>
public static class PriceSheet
{
    private const string Header =
        "\"ProductTitle\",\"ProductId\",\"SkuId\",\"SkuTitle\",\"Publisher\",\"SkuDescription\",\"UnitOfMeasure\",\"TermDuration\",\"BillingPlan\",\"Market\",\"Currency\",\"UnitPrice\",\"PricingTierRangeMin\",\"PricingTierRangeMax\",\"EffectiveStartDate\",\"EffectiveEndDate\",\"Tags\",\"ERP Price\"";

    public static string Csv(OfferCatalog catalog)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var price in catalog.Prices)
        {
            var offer = catalog.FindByProductSku($"{price.ProductId}:{price.SkuId}")!;
            string[] fields =
            [
                offer.ProductTitle, price.ProductId, price.SkuId, offer.SkuTitle, "Microsoft Corporation", offer.SkuTitle, "1 License",
                price.TermDuration, Plan(price.BillingPlan), "US", price.Currency, price.UnitPrice.ToString(CultureInfo.InvariantCulture), "", "",
                Shapes.Instant(price.EffectiveStart), price.EffectiveEnd is { } end ? Shapes.Instant(end) : "", "License", price.ErpPrice.ToString(CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', fields.Select(f => $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Plan(string billingPlan) => billingPlan switch
    {
        "monthly" => "Monthly",
        "annual" => "Annual",
        _ => "Triennial",
    };
}
