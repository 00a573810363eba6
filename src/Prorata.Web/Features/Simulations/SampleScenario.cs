namespace Prorata.Web.Features.Simulations;

/// <summary>The scenario the page opens with: P1Y billed monthly, five seats added on the 14th (AC-12 of microsoft-csp.md).</summary>
public static class SampleScenario
{
    public const string Json = """
        {
          "name": "P1Y billed monthly, 5 seats added on the 14th",
          "partner": { "currency": "USD" },
          "priceList": [
            { "productId": "CFQ7TTC0LCHC", "skuId": "0002", "title": "Microsoft 365 Business Premium", "term": "P1Y", "billingPlan": "monthly",
              "unitPrice": 144.00, "erpPrice": 180.00, "currency": "USD", "effectiveFrom": "2025-01-01", "effectiveTo": null }
          ],
          "customers": [ { "id": "contoso", "name": "Contoso Ltd", "currency": "USD" } ],
          "contracts": [
            { "id": "K1", "customer": "contoso", "billingDay": 1, "alignment": "contract", "refunds": "prorated",
              "pricing": [ { "productId": "*", "markupOnCost": 25 } ] }
          ],
          "events": [
            { "at": "2025-01-01T09:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "CFQ7TTC0LCHC",
              "skuId": "0002", "term": "P1Y", "billingPlan": "monthly", "quantity": 10, "autoRenew": true },
            { "at": "2025-03-14T10:00:00Z", "type": "setQuantity", "subscription": "S1", "quantity": 15 }
          ],
          "billUntil": "2025-04-01"
        }
        """;
}
