using Prorata.Domain.Insight;
using Prorata.Domain.Simulation;

namespace Prorata.Domain.Tests.Simulation;

public class ScenarioInsightJsonTests
{
    private const string Valid = """
        {
          "priceList": [ { "productId": "P", "skuId": "1", "term": "P1M", "billingPlan": "monthly", "unitPrice": 10, "currency": "USD", "effectiveFrom": "2025-01-01" } ],
          "customers": [ { "id": "c", "name": "C", "currency": "USD" } ],
          "contracts": [ { "id": "K1", "customer": "c", "billingDay": 1, "salesperson": "ana", "pricing": [ { "productId": "*", "markupOnCost": 10 } ] },
                         { "id": "K2", "customer": "c", "billingDay": 1 } ],
          "salespeople": [ { "id": "ana", "plans": [
              { "productId": "*", "basis": "revenue", "rate": 10, "payout": "invoice" },
              { "productId": "P", "skuId": "1", "basis": "margin", "rate": 25, "payout": "cash" } ] },
            { "id": "ben", "plans": [] } ],
          "events": [
            { "at": "2025-01-02T00:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "P", "skuId": "1", "term": "P1M", "billingPlan": "monthly", "quantity": 1 }
          ],
          "billUntil": "2025-02-01"
        }
        """;

    [Fact]
    public void Parse_Salespeople_ReadsPlansAndWhichContractNamesWhom()
    {
        var scenario = ScenarioJson.Parse(Valid);

        Assert.Equal(["ana", "ben"], scenario.Salespeople.Select(s => s.Id));
        Assert.Equal(new CommissionPlan("P", "1", CommissionBasis.Margin, 25m, CommissionPayout.Cash), scenario.Salespeople[0].Plans[1]);
        Assert.Equal(new Dictionary<string, string> { ["K1"] = "ana" }, scenario.SalespersonOf);
    }

    [Theory]
    [InlineData("\"salesperson\": \"ana\"", "\"salesperson\": \"zoe\"", "contracts[0].salesperson: 'zoe' is not one of the salespeople")]
    [InlineData("\"rate\": 25", "\"rate\": 120", "salespeople[0].plans[1].rate: must be between 0 and 100 (percent); got 120")]
    [InlineData("\"rate\": 10", "\"rate\": -1", "salespeople[0].plans[0].rate: must be between 0 and 100 (percent); got -1")]
    [InlineData("\"basis\": \"margin\"", "\"basis\": \"profit\"", "salespeople[0].plans[1].basis: must be one of revenue, margin; got 'profit'")]
    [InlineData("\"payout\": \"cash\"", "\"payout\": \"weekly\"", "salespeople[0].plans[1].payout: must be one of invoice, cash, booking; got 'weekly'")]
    [InlineData(", \"payout\": \"invoice\"", "", "salespeople[0].plans[0].payout: is required")]
    [InlineData("{ \"id\": \"ben\"", "{ \"id\": \"ana\"", "salespeople[1].id: 'ana' is listed twice")]
    [InlineData("{ \"id\": \"ben\", \"plans\": [] }", "{ \"id\": \"ben\" }", "salespeople[1].plans: is required (an array)")]
    public void Parse_MalformedCommissionField_NamesTheFieldAndTheValue(string from, string to, string message)
    {
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioJson.Parse(Valid.Replace(from, to)));

        Assert.Equal(message, error.Message);
    }
}
