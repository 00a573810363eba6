using Prorata.Domain.Simulation;

namespace Prorata.Domain.Tests.Simulation;

public class ScenarioJsonTests
{
    private const string Valid = """
        {
          "priceList": [ { "productId": "P", "skuId": "1", "term": "P1M", "billingPlan": "monthly", "unitPrice": 10, "currency": "USD", "effectiveFrom": "2025-01-01" } ],
          "customers": [ { "id": "c", "name": "C", "currency": "USD" } ],
          "contracts": [ { "id": "K1", "customer": "c", "billingDay": 1, "pricing": [ { "productId": "*", "markupOnCost": 10 } ] } ],
          "events": [
            { "at": "2025-01-02T00:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "P", "skuId": "1", "term": "P1M", "billingPlan": "monthly", "quantity": 1 },
            { "at": "2025-01-03T00:00:00Z", "type": "setQuantity", "subscription": "S1", "quantity": 2 }
          ],
          "billUntil": "2025-02-01"
        }
        """;

    [Theory]
    [InlineData("\"billingDay\": 1", "\"billingDay\": 31", "contracts[0].billingDay: must be between 1 and 28; got 31")]
    [InlineData("\"quantity\": 2", "\"quantity\": -1", "events[1].quantity: must be ≥ 0; got -1")]
    [InlineData("\"currency\": \"USD\" }", "\"currency\": \"XYZ\" }", "customers[0].currency: 'XYZ' is not a known ISO 4217 currency code")]
    [InlineData("\"type\": \"setQuantity\"", "\"type\": \"grow\"", "events[1].type: must be one of purchase, setQuantity, cancel, suspend, reactivate, setAutoRenew, scheduleRenewal, upgrade, usage; got 'grow'")]
    [InlineData("\"billUntil\": \"2025-02-01\"", "\"billUntil\": \"01/02/2025\"", "billUntil: must be a date yyyy-MM-dd; got '01/02/2025'")]
    [InlineData("\"customer\": \"c\"", "\"customer\": \"z\"", "contracts[0].customer: 'z' is not one of the customers")]
    [InlineData("\"at\": \"2025-01-03T00:00:00Z\"", "\"at\": \"soon\"", "events[1].at: must be an ISO-8601 UTC timestamp; got 'soon'")]
    [InlineData("\"billingDay\": 1,", "\"billingDay\": 1, \"cadence\": \"weekly\",", "contracts[0].cadence: must be one of monthly, quarterly, annual; got 'weekly'")]
    [InlineData("\"billingDay\": 1,", "\"billingDay\": 1, \"startDate\": \"2025-13-01\",", "contracts[0].startDate: must be a date yyyy-MM-dd; got '2025-13-01'")]
    [InlineData("\"billingDay\": 1,", "\"billingDay\": 1, \"paymentTermsDays\": 366,", "contracts[0].paymentTermsDays: must be between 0 and 365; got 366")]
    [InlineData("\"billingDay\": 1,", "\"billingDay\": 1, \"paymentTermsDays\": -1,", "contracts[0].paymentTermsDays: must be between 0 and 365; got -1")]
    [InlineData("\"billingDay\": 1,", "\"billingDay\": 1, \"paymentTermsDays\": \"30\",", "contracts[0].paymentTermsDays: must be a whole number; got \"30\"")]
    public void Parse_MalformedField_NamesTheFieldAndTheValue(string from, string to, string message)
    {
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioJson.Parse(Valid.Replace(from, to)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_SameSubscriptionPurchasedTwice_IsRefused()
    {
        var twice = Valid.Replace("\"type\": \"setQuantity\", \"subscription\": \"S1\", \"quantity\": 2",
            "\"type\": \"purchase\", \"subscription\": \"S1\", \"contract\": \"K1\", \"productId\": \"P\", \"skuId\": \"1\", \"term\": \"P1M\", \"billingPlan\": \"monthly\", \"quantity\": 2");

        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioJson.Parse(twice));

        Assert.Equal("events[1].subscription: 'S1' is already created by events[0]", error.Message);
    }

    [Fact]
    public void Parse_ValidScenario_ReadsDefaults()
    {
        var scenario = ScenarioJson.Parse(Valid);

        Assert.Equal("USD", scenario.PartnerCurrency.Code);
        Assert.Equal(Prorata.Domain.Contracts.ContractAlignment.Contract, scenario.Contracts[0].Alignment);
        Assert.Equal(Prorata.Domain.Contracts.RefundPolicy.Prorated, scenario.Contracts[0].Refunds);
        Assert.Equal((Prorata.Domain.Contracts.InvoiceCadence.Monthly, null, 30), (scenario.Contracts[0].Cadence, scenario.Contracts[0].StartDate, scenario.Contracts[0].PaymentTermsDays));
        Assert.True(scenario.Events[0].AutoRenew);
    }
}
