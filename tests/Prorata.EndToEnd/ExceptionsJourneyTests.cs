using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Prorata.Application.WorkItems;
using Prorata.Data;
using Prorata.Data.WorkItems;

namespace Prorata.EndToEnd;

public sealed class ExceptionsJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Owner_ResolvesOneWorkItemOnItsPageAndAnotherFromTheList_BothLeaveTheOpenList()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var raiser = scope.ServiceProvider.GetRequiredService<WorkItemRaiser>();
            await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.BillingAlert, "NoPriceInContractCurrency", WorkItemSubject.Subscription, "e2e-1",
                "Contoso's E3 has no EUR price: not billed.") { AmountAtStake = 312.40m, Currency = "EUR" }, CancellationToken.None);
            await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.ReplayRefusal, "SubscriptionNotActive", WorkItemSubject.Subscription, "e2e-2",
                "A seat change logged after the cancellation of Fabrikam's plan.") { AmountAtStake = 45.00m, Currency = "GBP" }, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().SaveChangesAsync();
        }
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/exceptions?kind=billingAlert");
        await Assertions.Expect(page.Locator("#at-stake")).ToHaveTextAsync(new Regex(@"1 item; money at stake: 312\.40 EUR"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Contoso's E3 has no EUR price: not billed." }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("billingAlert: NoPriceInContractCurrency");
        await page.FillAsync("#resolution", "EUR price list imported for E3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();

        await Assertions.Expect(page.Locator("#work-item-message")).ToHaveTextAsync("Resolved.");
        await Assertions.Expect(page.Locator("#work-item-state")).ToContainTextAsync("resolved on ");
        await Assertions.Expect(page.Locator("#work-item-state")).ToContainTextAsync($"by {LiveApp.OwnerEmail}: EUR price list imported for E3");
        await Assertions.Expect(page.Locator("#work-item-history tbody tr")).ToHaveCountAsync(2);

        await page.GotoAsync("/exceptions?kind=replayRefusal");
        await page.GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await page.FillAsync("#bulk-resolution", "seat change credited by hand");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve selected" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/exceptions\?kind=replayRefusal&message="));
        await Assertions.Expect(page.Locator("#work-item-message")).ToHaveTextAsync("1 work item resolved.");
        await Assertions.Expect(page.Locator("#at-stake")).ToHaveTextAsync(new Regex(@"^\s*0 items\.\s*$"));
        await page.GotoAsync("/exceptions?state=resolved");
        await Assertions.Expect(page.Locator("#work-item-list tbody tr")).ToHaveCountAsync(2);
    }
}
