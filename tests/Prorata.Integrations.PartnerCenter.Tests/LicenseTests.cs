using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Tests;

/// <summary>The licenses of a customer's tenant (subscribed SKUs) and the catalog's provisioning id that names them, over HTTP.</summary>
public sealed class LicenseTests
{
    private const string E3 = "CFQ7TTC0LFLX:0001:CFQ7TTC0K9J3";
    private const string Basic = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GetSubscribedSkus_TwoSubscriptionsOfOneSku_OneSkuWithTheirSeatsAndItsAssignedLicenses()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        await pc.PurchaseAsync(customer, E3, 10);
        await pc.PurchaseAsync(customer, E3, 5, "P1M", "monthly");
        var basic = await pc.PurchaseAsync(customer, Basic, 3);
        await pc.PostAsync("_sim/licenses", new { customerId = customer, catalogItemId = E3, consumedUnits = 12 });
        using (var suspend = await pc.OutOfBandAsync(new { customerId = customer, subscriptionId = basic.Id, kind = "suspend" }))
        {
            suspend.EnsureSuccessStatusCode();
        }

        var skus = await pc.Client.GetSubscribedSkusAsync(customer, None);

        // E3: 10 + 5 seats active, 12 assigned, 15 − 12 = 3 available. Basic: its 3 seats suspended, none active, so none
        // counted as assigned by default and the SKU is Suspended.
        Assert.Equal(
            [
                new SubscribedSku("3b555118-da6a-4418-894f-7df1e2096870", "O365_BUSINESS_ESSENTIALS", "Microsoft 365 Business Basic", 0, 0, 3, 0, 0, 0, "Suspended"),
                new SubscribedSku("05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3", "Microsoft 365 E3", 15, 12, 0, 0, 15, 3, "Enabled"),
            ],
            skus);
    }

    [Fact]
    public async Task GetSubscribedSkus_NothingAssignedSet_EverySeatAssigned_UnknownCustomerThrows()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        await pc.PurchaseAsync(customer, E3, 7);

        var skus = await pc.Client.GetSubscribedSkusAsync(customer, None);

        Assert.Equal([("05e9a617-0261-4cee-bb44-138d3ef5d965", 7, 7, 0)], skus.Select(s => (s.SkuId, s.TotalUnits, s.ConsumedUnits, s.AvailableUnits)));
        var unknown = await Assert.ThrowsAsync<PartnerCenterException>(() => pc.Client.GetSubscribedSkusAsync("no-such-tenant", None));
        Assert.Equal(404, unknown.StatusCode);
    }

    [Fact]
    public async Task GetProvisioningId_CatalogSku_TheLicenseSkuIdItsSubscriptionsProvision()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();

        var e3 = await pc.Client.GetProvisioningIdAsync("CFQ7TTC0LFLX", "0001", "US", None);
        var unknown = await pc.Client.GetProvisioningIdAsync("CFQ7TTC0XXXX", "0001", "US", None);

        Assert.Equal(("05e9a617-0261-4cee-bb44-138d3ef5d965", null), (e3, unknown));
    }
}
