using Prorata.Domain.Billing;

namespace Prorata.Domain.Tests.Billing;

public class BillingItemKeyTests
{
    [Fact]
    public void Parse_TextForm_ReadsBackTheSameKey()
    {
        var key = new BillingItemKey("S|1", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), new DateOnly(2025, 3, 14), "ev3:Quantity", 15.00m);

        Assert.Equal("S|1|2025-03-01|2025-03-31|2025-03-14|ev3:Quantity|15.00", key.ToString());
        Assert.Equal(key, BillingItemKey.Parse(key.ToString()));
    }
}
