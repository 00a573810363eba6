using Prorata.Integrations.PartnerCenter.Models;
using Prorata.Integrations.PartnerCenter.Sync;

namespace Prorata.Integrations.PartnerCenter.Tests;

public sealed class PushTests
{
    private const string E3 = "CFQ7TTC0LFLX:0001:CFQ7TTC0K9J3";
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(PushKind.Purchase, true, true)]
    [InlineData(PushKind.IncreaseQuantity, true, true)]
    [InlineData(PushKind.Upgrade, true, true)]
    [InlineData(PushKind.DecreaseQuantity, true, false)]
    [InlineData(PushKind.Cancel, true, false)]
    [InlineData(PushKind.SetAutoRenew, true, false)]
    [InlineData(PushKind.Purchase, false, false)]
    public void MustWait_ByKindAndCreditHold_OnlyNewProvisioningWaitsForTheHold(PushKind kind, bool creditHold, bool waits) =>
        Assert.Equal(waits, PartnerCenterPush.MustWait(new PendingPush(kind, "C1", creditHold)));

    [Fact]
    public async Task Push_SeatAddForCustomerOnCreditHold_AwaitsProvisioningAndPartnerCenterUnchanged()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        var s = await pc.PurchaseAsync(customer, E3, 10);
        var push = new PartnerCenterPush(pc.Client);

        var held = await push.PushAsync(new PendingPush(PushKind.IncreaseQuantity, customer, true, new SubscriptionKey(customer, s.Id), Quantity: 12), None);
        var released = await push.PushAsync(new PendingPush(PushKind.IncreaseQuantity, customer, false, new SubscriptionKey(customer, s.Id), Quantity: 12), None);

        Assert.Equal(PushOutcomeKind.AwaitingProvisioning, held.Kind);
        Assert.Equal((PushOutcomeKind.Sent, s.Id), (released.Kind, Assert.Single(released.SubscriptionIds)));
        Assert.Equal(12, (await pc.Client.GetSubscriptionAsync(customer, s.Id, None))!.Quantity);
    }

    [Fact]
    public async Task Push_PurchaseWithoutHold_SentWithTheNewSubscriptionId()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();

        var outcome = await new PartnerCenterPush(pc.Client).PushAsync(
            new PendingPush(PushKind.Purchase, customer, false, Purchase: new PurchaseLine(E3, 3, "P1M", "monthly")), None);

        Assert.Equal(PushOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(3, (await pc.Client.GetSubscriptionAsync(customer, Assert.Single(outcome.SubscriptionIds), None))!.Quantity);
    }
}
