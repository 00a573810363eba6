using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Identity;
using Prorata.Domain.Subscriptions;

namespace Prorata.Web.Tests;

/// <summary>
/// The renewals ahead of a <see cref="RenewalsSeed"/> customer on 2026-03-14. B (P1M, 10 seats) renews 2026-03-20 at
/// 43.20 + 10 % = 47.52 a month; it shares SKU lic-b with E (20 seats, term ends 2026-08-31, later), so E takes 20 of the
/// 25 licenses assigned and B keeps 5: schedule 5. A (200 seats) renews 2026-04-15 at the price in force then, 456.00 ÷ 12
/// = 38.00 + 10 % = 41.80, with 150 licenses assigned: schedule 150. C renews 2026-05-20 at 41.80 with no license data.
/// </summary>
public abstract class RenewalsApiTests(InvoicingApp app)
{
    private const string Monthly = "Monthly term: the seats can be reduced again at each monthly renewal.";
    private const string Annual = "Annual term: the seats renewed are paid for 12 months; after the first 7 days they can be added to, not reduced, until the next renewal.";

    [Fact]
    public async Task Renewals_Within30_60_90_EachRenewalWithSeatsPriceAndSuggestion()
    {
        var seed = await RenewalsSeed.CreateAsync(app);
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var within30 = await RowsAsync(client, $"within=30&customerId={seed.CustomerId}");
        var within60 = await RowsAsync(client, $"within=60&customerId={seed.CustomerId}");
        var within90 = await RowsAsync(client, $"customerId={seed.CustomerId}&within=90");
        var byContract = await RowsAsync(client, $"contractId={seed.ContractId}");

        var b = (seed.B, "2026-03-20", "P1M", "monthly", 10, (int?)null, (int?)5, (int?)25, (int?)2, 47.52m, "schedule", (int?)5, "10 purchased, 5 assigned: schedule 5 at renewal", Monthly);
        var a = (seed.A, "2026-04-15", "P1Y", "monthly", 200, (int?)null, (int?)150, (int?)150, (int?)1, 41.80m, "schedule", (int?)150, "200 purchased, 150 assigned: schedule 150 at renewal", Annual);
        var c = (seed.C, "2026-05-20", "P1Y", "monthly", 5, (int?)null, (int?)null, (int?)null, (int?)null, 41.80m, "noLicenseData", (int?)null,
            "No license data: Partner Center has not reported who holds this SKU's licenses.", (string?)null);
        Assert.Equal([b], within30.Select(Key));
        Assert.Equal([b, a], within60.Select(Key));
        Assert.Equal([b, a, c], within90.Select(Key));
        // Without within: the next 30 days.
        Assert.Equal([b], byContract.Select(Key));
        var first = within90[0];
        Assert.Equal((seed.CustomerName, seed.CustomerId, seed.ContractId, RenewalsSeed.Title, RenewalsSeed.Product, "0001", "USD", false),
            (first.GetProperty("customerName").GetString(), first.GetProperty("customerId").GetGuid(), first.GetProperty("contractId").GetGuid(),
                first.GetProperty("title").GetString(), first.GetProperty("productId").GetString(), first.GetProperty("skuId").GetString(),
                first.GetProperty("currency").GetString(), first.GetProperty("pricedAtErp").GetBoolean()));
        Assert.Equal(RenewalsSeed.LicensesReadAt, first.GetProperty("licensesReadAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, within90[2].GetProperty("licensesReadAt").ValueKind);
    }

    [Fact]
    public async Task RenewalsCsvAndPage_ReadOnly_SameRowsAndNoAcceptButton()
    {
        var seed = await RenewalsSeed.CreateAsync(app);
        var readOnly = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);

        var csv = await readOnly.GetStringAsync($"/api/v1/metrics/renewals.csv?within=60&customerId={seed.CustomerId}");
        var page = await readOnly.GetStringAsync($"/insight/renewals?within=90&customerId={seed.CustomerId}");
        var salesPage = await sales.GetStringAsync($"/insight/renewals?within=90&customerId={seed.CustomerId}");

        Assert.Equal(
            "RenewsOn,Customer,ContractId,SubscriptionId,Subscription,ProductId,SkuId,Term,BillingPlan,SeatsPurchased,SeatsScheduled,SeatsAssigned,LicensesReadAt,"
            + "UnitPrice,Currency,Suggestion,SuggestedSeats,SuggestionText\r\n"
            + $"2026-03-20,{seed.CustomerName},{seed.ContractId},{seed.B},Renew Test E3,RENEW-E3,0001,P1M,monthly,10,,5,2026-03-13T06:00:00Z,47.52,USD,schedule,5,"
            + "\"10 purchased, 5 assigned: schedule 5 at renewal\"\r\n"
            + $"2026-04-15,{seed.CustomerName},{seed.ContractId},{seed.A},Renew Test E3,RENEW-E3,0001,P1Y,monthly,200,,150,2026-03-13T06:00:00Z,41.80,USD,schedule,150,"
            + "\"200 purchased, 150 assigned: schedule 150 at renewal\"\r\n",
            csv);
        Assert.Equal(["2026-04-15", seed.CustomerName, "Renew Test E3", "P1Y monthly", "200", "", "150 read 2026-03-13 06:00 UTC", "41.80 USD a month",
                $"200 purchased, 150 assigned: schedule 150 at renewal {Annual}", ""],
            PageHtml.Row(page, "renewals", seed.A.ToString()));
        Assert.Equal(["2026-03-20", seed.CustomerName, "Renew Test E3", "P1M monthly", "10", "", "5 of 25 over 2 subscriptions read 2026-03-13 06:00 UTC",
                "47.52 USD a month", $"10 purchased, 5 assigned: schedule 5 at renewal {Monthly}", ""],
            PageHtml.Row(page, "renewals", seed.B.ToString()));
        Assert.DoesNotContain("/accept", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/insight/renewals/{seed.A}/accept\"", salesPage, StringComparison.Ordinal);
        Assert.Contains($"action=\"/insight/renewals/{seed.B}/accept\"", salesPage, StringComparison.Ordinal);
        // C has nothing to schedule: no button.
        Assert.DoesNotContain($"/insight/renewals/{seed.C}/accept", salesPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/metrics/renewals.csv?within=90&amp;customerId={seed.CustomerId}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_Suggestion_SchedulesItsSeatsThroughTheChangeLogAndIsThenScheduled()
    {
        var seed = await RenewalsSeed.CreateAsync(app);
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);

        using var accepted = await sales.PostAsJsonAsync($"/api/v1/metrics/renewals/{seed.A}/accept", new { renewsOn = "2026-04-15", seats = 150 });
        using var again = await sales.PostAsJsonAsync($"/api/v1/metrics/renewals/{seed.A}/accept", new { renewsOn = "2026-04-15", seats = 150 });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var entry = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entry");
        Assert.Equal(("scheduleRenewal", 150, 2, ProrataApp.EmailOf(StaffRoles.Sales), "staff"),
            (entry.GetProperty("type").GetString(), entry.GetProperty("quantity").GetInt32(), entry.GetProperty("sequence").GetInt32(),
                entry.GetProperty("actor").GetString(), entry.GetProperty("source").GetString()));
        var a = Assert.Single(await RowsAsync(sales, $"within=60&customerId={seed.CustomerId}"), r => r.GetProperty("subscriptionId").GetGuid() == seed.A);
        Assert.Equal((150, "scheduled", 150, "200 purchased, 150 assigned: 150 scheduled at renewal"),
            (a.GetProperty("seatsScheduled").GetInt32(), a.GetProperty("suggestion").GetString(), a.GetProperty("suggestedSeats").GetInt32(),
                a.GetProperty("suggestionText").GetString()));
        // Accepting what is no longer the suggestion writes nothing.
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "SuggestionChanged"), (again.StatusCode, await CodeAsync(again)));
        Assert.Equal(2, await LogCountAsync(seed.A));
    }

    [Fact]
    public async Task Accept_FromThePage_RedirectsBackWithWhatWasScheduled()
    {
        var seed = await RenewalsSeed.CreateAsync(app);
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);
        var page = await sales.GetStringAsync($"/insight/renewals?within=30&customerId={seed.CustomerId}");

        using var response = await sales.PostAsync($"/insight/renewals/{seed.B}/accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageHtml.Hidden(page, "__RequestVerificationToken"), ["RenewsOn"] = "2026-03-20", ["Seats"] = "5", ["Within"] = "30",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/insight/renewals?within=30&message={Uri.EscapeDataString("Scheduled 5 seats of Renew Test E3 at its renewal on 2026-03-20.")}",
            response.Headers.Location!.OriginalString);
        Assert.Equal(2, await LogCountAsync(seed.B));
    }

    [Fact]
    public async Task Accept_Refused_422WithTheRulesCodeAndNothingWritten()
    {
        var seed = await RenewalsSeed.CreateAsync(app);
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);

        // The renewal the page showed took place at 00:00 today (a page read yesterday, accepted this morning).
        using var passed = await sales.PostAsJsonAsync($"/api/v1/metrics/renewals/{seed.B}/accept", new { renewsOn = "2026-03-14", seats = 5 });
        // Not what is suggested: A's suggestion is 150 seats.
        using var other = await sales.PostAsJsonAsync($"/api/v1/metrics/renewals/{seed.A}/accept", new { renewsOn = "2026-04-15", seats = 120 });
        // D does not renew (auto-renew off).
        using var ends = await sales.PostAsJsonAsync($"/api/v1/metrics/renewals/{seed.D}/accept", new { renewsOn = "2026-04-01", seats = 1 });

        var problem = await passed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "RenewalPassed", "The renewal of 2026-03-14 took place at 00:00 UTC that day: its renewal instructions can no longer be set."),
            (passed.StatusCode, problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "SuggestionChanged"), (other.StatusCode, await CodeAsync(other)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "SuggestionChanged"), (ends.StatusCode, await CodeAsync(ends)));
        Assert.Equal((1, 1, 1), (await LogCountAsync(seed.A), await LogCountAsync(seed.B), await LogCountAsync(seed.D)));
    }

    [Fact]
    public async Task Accept_BadInputOrRole_400NamingTheFields404Or403()
    {
        var seed = await RenewalsSeed.CreateAsync(app);
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var readOnly = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        using var bad = await sales.PostAsJsonAsync($"/api/v1/metrics/renewals/{seed.A}/accept", new { renewsOn = "15/04/2026", seats = 0 });
        using var unknown = await sales.PostAsJsonAsync($"/api/v1/metrics/renewals/{Guid.NewGuid()}/accept", new { renewsOn = "2026-04-15", seats = 150 });
        using var byFinance = await finance.PostAsJsonAsync($"/api/v1/metrics/renewals/{seed.A}/accept", new { renewsOn = "2026-04-15", seats = 150 });
        using var byReadOnly = await readOnly.PostAsJsonAsync($"/api/v1/metrics/renewals/{seed.A}/accept", new { renewsOn = "2026-04-15", seats = 150 });
        using var badWindow = await readOnly.GetAsync("/api/v1/metrics/renewals?within=45");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["renewsOn must be the renewal's day written yyyy-MM-dd; got '15/04/2026'."], errors.GetProperty("renewsOn").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["seats must be between 1 and 100,000; got 0."], errors.GetProperty("seats").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (byFinance.StatusCode, byReadOnly.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, badWindow.StatusCode);
        Assert.Equal(["within must be 30, 60 or 90 (days); got '45'."], await InvoicingSeed.ErrorsOfAsync(badWindow, "within"));
        Assert.Equal(1, await LogCountAsync(seed.A));
    }

    private static async Task<List<JsonElement>> RowsAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/renewals?{query}")).EnumerateArray()];

    private static (Guid, string?, string?, string?, int, int?, int?, int?, int?, decimal, string?, int?, string?, string?) Key(JsonElement r) =>
        (r.GetProperty("subscriptionId").GetGuid(), r.GetProperty("renewsOn").GetString(), r.GetProperty("term").GetString(), r.GetProperty("billingPlan").GetString(),
            r.GetProperty("seatsPurchased").GetInt32(), Int(r, "seatsScheduled"), Int(r, "seatsAssigned"), Int(r, "skuAssigned"), Int(r, "skuSubscriptions"),
            r.GetProperty("unitPrice").GetDecimal(), r.GetProperty("suggestion").GetString(), Int(r, "suggestedSeats"), r.GetProperty("suggestionText").GetString(),
            r.GetProperty("termNote").GetString());

    private static int? Int(JsonElement row, string name) => row.GetProperty(name) is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : null;

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    private async Task<int> LogCountAsync(Guid subscriptionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().LicenseChangeLog.CountAsync(e => e.SubscriptionId == subscriptionId);
    }
}

/// <summary>An app of their own: the renewals are listed from the app's clock, which no other class may move.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteRenewalsCollection : ICollectionFixture<SqliteInvoicingApp>
{
    public const string Name = "renewals on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresRenewalsCollection : ICollectionFixture<PostgresInvoicingApp>
{
    public const string Name = "renewals on PostgreSQL";
}

[Collection(SqliteRenewalsCollection.Name)]
public sealed class SqliteRenewalsApiTests(SqliteInvoicingApp app) : RenewalsApiTests(app);

[Collection(PostgresRenewalsCollection.Name)]
public sealed class PostgresRenewalsApiTests(PostgresInvoicingApp app) : RenewalsApiTests(app);
