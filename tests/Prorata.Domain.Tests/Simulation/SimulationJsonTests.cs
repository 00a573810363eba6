using System.Text.Json;
using Prorata.Domain.Billing;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Simulation;

public class SimulationJsonTests
{
    [Fact]
    public void Write_RejectionAndAlert_WriteTheirCodesByName()
    {
        var result = new SimulationResult(
            [new Rejection(3, RefusalCode.SeatReductionWindowClosed, "too late")], [], [],
            [new BillingAlert(BillingAlertKind.MissingPricingStrategy, "S1", "no rule")]);

        using var json = JsonDocument.Parse(SimulationJson.Write(result));

        Assert.Equal("SeatReductionWindowClosed", json.RootElement.GetProperty("rejected")[0].GetProperty("code").GetString());
        Assert.Equal("MissingPricingStrategy", json.RootElement.GetProperty("exceptions")[0].GetProperty("code").GetString());
    }
}
