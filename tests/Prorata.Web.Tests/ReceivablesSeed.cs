using System.Net.Http.Json;
using System.Text.Json;

namespace Prorata.Web.Tests;

/// <summary>Waits for the outbox to take an issued invoice into the receivables, as it does right after the issue.</summary>
public static class ReceivablesSeed
{
    public static async Task<JsonElement> SettledInvoiceAsync(HttpClient client, Guid invoiceId)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var invoice = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoiceId}");
            if (invoice.TryGetProperty("balance", out var balance) && balance.ValueKind == JsonValueKind.Number) return invoice;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Invoice {invoiceId} never reached the receivables.");
    }

    public static async Task<JsonElement> BalanceAsync(HttpClient client, Guid customerId) =>
        Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/balance")).EnumerateArray());
}
