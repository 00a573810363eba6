using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Catalog;

namespace Prorata.Web.Tests;

/// <summary>What the commission tests set up through the API, as Owner or Finance would: a salesperson, their plans, and the contract they sell.</summary>
public static class CommissionSeed
{
    /// <summary>A new active salesperson with an e-mail of their own; returns the id.</summary>
    public static async Task<Guid> SalespersonAsync(HttpClient client, string name = "Ana Lima")
    {
        var response = await client.PostAsJsonAsync("/api/v1/salespeople", new { name, email = $"{Guid.NewGuid():N}@partner.example" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> PlanAsync(HttpClient client, Guid salespersonId, string productId, string basis, decimal rate, string payout,
        string effectiveFrom = "2026-01-01", string? skuId = null, string? effectiveTo = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/salespeople/{salespersonId}/plans", new { productId, skuId, basis, rate, payout, effectiveFrom, effectiveTo });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The salesperson sells the invoice's contract from 2026-03-01 (before the app's clock, 2026-03-14).</summary>
    public static async Task AssignAsync(HttpClient client, JsonElement invoice, Guid salespersonId, string from = "2026-03-01")
    {
        var response = await client.PutAsJsonAsync($"/api/v1/contracts/{invoice.GetProperty("contractId").GetGuid()}/salesperson", new { salespersonId, from });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The invoicing tests' product as a catalog product (a price-list import makes one; the seed writes only price rows).</summary>
    public static async Task CatalogProductAsync(InvoicingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        if (db.CatalogProducts.Any(p => p.ProductId == InvoicingSeed.Product)) return;
        db.CatalogProducts.Add(new CatalogProduct
        {
            ProductId = InvoicingSeed.Product, SkuId = InvoicingSeed.Sku, Title = "Tax Test Seat", Kind = ProductKind.License, CreatedAt = app.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A salesperson's ledger entries payable in the months, as (payable on, invoice, line, basis amount, commission, kind).</summary>
    public static async Task<(string PayableOn, string? Invoice, int Line, decimal? Basis, decimal? Commission, string Kind)[]> LedgerAsync(HttpClient client,
        Guid salespersonId, string from, string to)
    {
        var entries = await client.GetFromJsonAsync<JsonElement>($"/api/v1/commissions?salespersonId={salespersonId}&from={from}&to={to}");
        return entries.EnumerateArray().Select(Entry).ToArray();
    }

    public static (string PayableOn, string? Invoice, int Line, decimal? Basis, decimal? Commission, string Kind) Entry(JsonElement e) =>
        (e.GetProperty("payableOn").GetString()!, e.GetProperty("invoiceNumber").GetString(), e.GetProperty("line").GetInt32(), Number(e.GetProperty("basisAmount")),
            Number(e.GetProperty("commission")), e.GetProperty("kind").GetString()!);

    /// <summary>One statement with its entries, as (payable on, line, commission, late).</summary>
    public static async Task<(JsonElement Statement, (string PayableOn, int Line, decimal? Commission, bool Late)[] Entries)> StatementAsync(HttpClient client,
        Guid salespersonId, string month)
    {
        var statement = await client.GetFromJsonAsync<JsonElement>($"/api/v1/commissions/statements/{salespersonId}/{month}");
        return (statement, statement.GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("payableOn").GetString()!, e.GetProperty("line").GetInt32(), Number(e.GetProperty("commission")), e.GetProperty("late").GetBoolean()))
            .ToArray());
    }

    /// <summary>A statement's totals as "amount currency", one per currency.</summary>
    public static string[] Totals(JsonElement statement) =>
        statement.GetProperty("totals").EnumerateArray().Select(t => $"{t.GetProperty("amount").GetDecimal():0.00} {t.GetProperty("currency").GetString()}").ToArray();

    private static decimal? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();
}
