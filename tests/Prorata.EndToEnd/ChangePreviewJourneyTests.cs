using System.Text.Json;
using Microsoft.Playwright;

namespace Prorata.EndToEnd;

/// <summary>
/// See before money moves, in Chromium on the demo data: a seat change opens its preview (the next invoice's lines with
/// and without it) and is recorded only on confirmation; a far larger seat count needs its box ticked as well.
/// </summary>
public sealed class ChangePreviewJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Owner_AddsSeats_SeesThePreviewThenConfirms_AndALargeChangeNeedsTheSecondConfirmation()
    {
        var page = await app.SignedInPageAsync();
        var subscriptions = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/v1/subscriptions")).TextAsync()).RootElement.GetProperty("items").EnumerateArray();
        var active = subscriptions.First(s => s.GetProperty("status").GetString() == "active" && s.GetProperty("quantity").GetInt32() > 0
            && s.GetProperty("parentId").ValueKind == JsonValueKind.Null);
        var id = active.GetProperty("id").GetGuid();
        var seats = active.GetProperty("quantity").GetInt32();

        await page.GotoAsync($"/subscriptions/{id}");
        await page.FillAsync("#newQuantity", $"{seats + 1}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set seats…" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Before you confirm: {seats + 1:N0} seats");
        await Assertions.Expect(page.Locator("#preview-with tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#preview-summary")).ToContainTextAsync("this change adds");
        Assert.Single(await LogAsync(page, id), e => e == "purchase");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Confirm {seats + 1:N0} seats" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Recorded: setQuantity.")).ToBeVisibleAsync();
        Assert.Equal("setQuantity", (await LogAsync(page, id))[^1]);

        var large = (seats + 1) * 10 + 1;
        await page.FillAsync("#newQuantity", $"{large}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set seats…" }).ClickAsync();
        await Assertions.Expect(page.Locator("#large-change")).ToContainTextAsync($"{seats + 1:N0} → {large:N0} seats is more than ×10");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Confirm {large:N0} seats" }).ClickAsync();
        // The box is required: the browser keeps the page until it is ticked.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/preview"));
        await page.CheckAsync("#confirmLargeChange");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Confirm {large:N0} seats" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Recorded: setQuantity.")).ToBeVisibleAsync();
        var after = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/v1/subscriptions/{id}")).TextAsync()).RootElement;
        Assert.Equal(large, after.GetProperty("quantity").GetInt32());
    }

    private static async Task<List<string>> LogAsync(IPage page, Guid id) =>
        JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/v1/subscriptions/{id}/changes")).TextAsync()).RootElement.EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()!).ToList();
}
