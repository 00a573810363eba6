using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data.Identity;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Security.Tests;

/// <summary>
/// Issue 18: sign-in tells nothing about which accounts exist (same message, same work), cannot be used to lock the
/// Owner out (failures slow the guessing address, not the account), and refuses guessable passwords.
/// </summary>
public sealed class SignInTests(SecurityApp shared) : IClassFixture<SecurityApp>
{
    private const string Attacker = "203.0.113.7";
    private const string OwnersDesk = "198.51.100.20";

    [Fact]
    public async Task TwentyWrongPasswordsForTheOwner_TheOwnerStillSignsInFromElsewhere_TheGuesserWaits()
    {
        using var app = WithClientAddresses(freeFailures: 5);
        for (var i = 0; i < 20; i++)
        {
            var page = await SignInAsync(app, Attacker, SecurityApp.EmailOf(StaffRoles.Owner), $"wrong-guess-{i}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        var fromElsewhere = await SignInAsync(app, OwnersDesk, SecurityApp.EmailOf(StaffRoles.Owner), SecurityApp.Password);
        var guesserWithTheRightPassword = await SignInAsync(app, Attacker, SecurityApp.EmailOf(StaffRoles.Owner), SecurityApp.Password);

        Assert.Equal(HttpStatusCode.Redirect, fromElsewhere.Status);
        Assert.Equal(HttpStatusCode.OK, guesserWithTheRightPassword.Status);
        Assert.Contains("Too many failed sign-ins from your address", guesserWithTheRightPassword.Body);
    }

    [Fact]
    public async Task UnknownAndKnownAccounts_SameMessage_SameWork()
    {
        using var app = WithClientAddresses(freeFailures: 1000);
        var unknown = new List<double>();
        var known = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var watch = Stopwatch.StartNew();
            var a = await SignInAsync(app, Attacker, $"nobody-{i}@contoso.example", "not-the-password-1");
            unknown.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var b = await SignInAsync(app, Attacker, SecurityApp.EmailOf(StaffRoles.Finance), "not-the-password-1");
            known.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(Message(a.Body), Message(b.Body));
        }

        // Before: 6 ms against 192 ms. Both now verify one password hash; the medians stay within a factor of two.
        var ratio = Median(unknown) / Median(known);
        Assert.InRange(ratio, 0.5, 2.0);
    }

    [Fact]
    public async Task DisabledAccount_RightPassword_GetsTheSameMessageAsAWrongOne()
    {
        using var app = WithClientAddresses(freeFailures: 1000);
        var owner = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SignInThroughFormAsync(SecurityApp.EmailOf(StaffRoles.Owner), SecurityApp.Password);
        var readOnlyId = (await shared.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == SecurityApp.EmailOf(StaffRoles.ReadOnly)).Id)));
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/v1/staff-users/{readOnlyId}/disable", System.Net.Http.Json.JsonContent.Create(new { }))).StatusCode);

        var disabled = await SignInAsync(app, OwnersDesk, SecurityApp.EmailOf(StaffRoles.ReadOnly), SecurityApp.Password);
        var wrong = await SignInAsync(app, OwnersDesk, SecurityApp.EmailOf(StaffRoles.Sales), "not-the-password-1");

        Assert.Equal(Message(wrong.Body), Message(disabled.Body));
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/v1/staff-users/{readOnlyId}/enable", System.Net.Http.Json.JsonContent.Create(new { }))).StatusCode);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcdefghijkl")]
    [InlineData("123456789012")]
    [InlineData("abcabcabcabc")]
    [InlineData("qazwsxedcrfv")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("superman123456")]
    [InlineData("jane.doe-long-passphrase")]
    public void GuessablePassword_IsRefused(string password) =>
        Assert.NotEmpty(CommonPasswordValidator.Problems(password, "jane.doe@contoso.example"));

    [Theory]
    [InlineData("violet-kettle-harbour")]
    [InlineData("correct horse battery staple")]
    public void Passphrase_IsAccepted(string password) =>
        Assert.Empty(CommonPasswordValidator.Problems(password, "jane.doe@contoso.example"));

    [Fact]
    public async Task AddStaffUser_ThenSetPasswordToTwelveAs_IsRefusedWithAReason()
    {
        var owner = await shared.SignedInAsAsync(StaffRoles.Owner);
        var email = $"newcomer-{Guid.NewGuid():N}@contoso.example";
        var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(owner, "/api/v1/staff-users", new { email, role = "Sales" });
        var link = new Uri((await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(created.Content)).GetProperty("setPasswordUrl").GetString()!);
        var newcomer = shared.Anonymous();

        var response = await SecurityApp.PostFormAsync(newcomer, link.PathAndQuery, new() { ["Form.Password"] = "aaaaaaaaaaaa" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("different characters", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private WebApplicationFactory<Program> WithClientAddresses(int freeFailures) =>
        shared.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Prorata:SignIn:FreeFailures", freeFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddress>());
        });

    private static async Task<(HttpStatusCode Status, string Body)> SignInAsync(WebApplicationFactory<Program> app, string address, string email, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        var response = await SecurityApp.PostFormAsync(client, "/signin", new() { ["Form.Email"] = email, ["Form.Password"] = password });
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static string Message(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, """class="form-error" role="alert">([^<]*)<""").Groups[1].Value;

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
