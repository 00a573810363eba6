using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Prorata.EndToEnd;

public sealed class StaffJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Owner_AddsAFinanceUser_TheyChooseTheirPasswordThroughTheLinkAndAreSignedIn()
    {
        var owner = await app.SignedInPageAsync();

        await owner.GotoAsync("/settings");
        await owner.FillAsync("#staff-email", "clerk@northwind.example");
        await owner.SelectOptionAsync("#staff-role", "Finance");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Add staff user" }).ClickAsync();
        var invitation = owner.Locator("#invitation code");
        await Assertions.Expect(invitation).ToHaveTextAsync(new Regex($"^{Regex.Escape(app.BaseUrl)}/account/set-password\\?user="));
        var link = await invitation.InnerTextAsync();
        await Assertions.Expect(owner.Locator("#staff tbody tr", new() { HasText = "clerk@northwind.example" }).Locator("td").Nth(2))
            .ToHaveTextAsync("invited: no password yet");

        await using var newcomer = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await newcomer.NewPageAsync();
        await page.GotoAsync(link);
        // Not containing the email's name part ("clerk"), which the password rules refuse.
        await page.FillAsync("#password", "a new colleague's own passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{app.BaseUrl}/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome to Prorata");
        await page.GotoAsync("/settings");
        await Assertions.Expect(page.Locator("#staff p")).ToHaveTextAsync("Only the Owner manages staff users and roles.");
    }
}
