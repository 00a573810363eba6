using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.PartnerCenter;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
using Prorata.Web.Features.Reconciliation;
using Prorata.Application.Subscriptions;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class StoredExpectedChargesTests(ProrataApp app)
{
    [Fact]
    public async Task Load_StoredPurchaseLinkedToPartnerCenter_ChargeNamedByPartnerCenterId()
    {
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 1);
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SubscriptionChanges>().PurchaseAsync(
            new PurchaseRequest(contractId, BillingSeed.Product, BillingSeed.Sku, TermDuration.P1Y, BillingPlan.Monthly, 10), new ChangeActor("tests", ChangeSource.Staff), CancellationToken.None);
        var purchasedOn = DateOnly.FromDateTime(outcome.Entry!.At.UtcDateTime);
        var tenant = $"tenant-{Guid.NewGuid():N}";
        var partnerCenterId = $"pc-{Guid.NewGuid():N}";
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        db.PartnerCenterCustomers.Add(new PartnerCenterCustomerLink { PartnerCenterCustomerId = tenant, CompanyName = "Stored Charges Ltd" });
        db.PartnerCenterSubscriptions.Add(new PartnerCenterSubscriptionLink
        {
            PartnerCenterSubscriptionId = partnerCenterId, PartnerCenterCustomerId = tenant, OfferId = BillingSeed.Product, Quantity = 10, Status = "Active",
            AutoRenew = true, SubscriptionId = outcome.Subscription!.Id,
        });
        await db.SaveChangesAsync();

        var expected = await scope.ServiceProvider.GetRequiredService<StoredExpectedCharges>().LoadAsync(CancellationToken.None);

        // 72.00 a year billed monthly: the first month of 10 seats is 10 × 6.00 at cost.
        var charge = Assert.Single(expected.Charges, c => c.Subscription == partnerCenterId);
        Assert.Equal((ChargeType.New, purchasedOn, purchasedOn.AddMonths(1).AddDays(-1), 10, 60.00m),
            (charge.ChargeType, charge.ChargeStart, charge.ChargeEnd, charge.Quantity, charge.Total));
        Assert.Contains(partnerCenterId, expected.Subscriptions);
    }
}
