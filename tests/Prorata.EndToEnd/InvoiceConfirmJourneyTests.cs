using System.Text.Json;
using Microsoft.Playwright;

namespace Prorata.EndToEnd;

/// <summary>Voiding an invoice and issuing a credit note cannot be taken back: in Chromium, each asks first, and only the answer does it.</summary>
public sealed class InvoiceConfirmJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Owner_VoidsAnUnpaidInvoice_OnlyAfterAnsweringTheQuestion_AndACreditNoteNeedsItsBoxTicked()
    {
        var page = await app.SignedInPageAsync();
        var invoices = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/v1/invoices")).TextAsync()).RootElement.GetProperty("items").EnumerateArray().ToList();
        var unpaid = invoices.First(i => i.GetProperty("kind").GetString() == "invoice" && i.GetProperty("status").GetString() == "issued"
            && i.TryGetProperty("paid", out var paid) && paid.ValueKind == JsonValueKind.Number && paid.GetDecimal() == 0m);
        var id = unpaid.GetProperty("id").GetGuid();

        await page.GotoAsync($"/invoices/{id}");
        var yes = page.GetByRole(AriaRole.Button, new() { Name = "Yes, void it" });
        await Assertions.Expect(yes).Not.ToBeVisibleAsync();
        await page.GetByText("Void…").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-void")).ToContainTextAsync("cannot be issued again");
        // The credit note form asks for its box before it sends.
        await page.GetByText("Credit note…").ClickAsync();
        await page.ClickAsync("#credit-submit");
        await Assertions.Expect(page).ToHaveURLAsync($"{app.BaseUrl}/invoices/{id}");
        Assert.Equal("issued", await StatusAsync(page, id));

        await yes.ClickAsync();

        await Assertions.Expect(page.Locator(".form-success, [role=status]").First).ToBeVisibleAsync();
        Assert.Equal("void", await StatusAsync(page, id));
    }

    private static async Task<string?> StatusAsync(IPage page, Guid id) =>
        JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/v1/invoices/{id}")).TextAsync()).RootElement.GetProperty("status").GetString();
}
