using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>What a person in the browser meets when something is wrong: a page inside the shell, never ProblemDetails JSON; programs keep ProblemDetails.</summary>
[Collection(AppCollection.Name)]
public sealed class ErrorPageTests(ProrataApp app)
{
    [Fact]
    public async Task UnknownPage_InTheBrowser_IsA404PageInsideTheShell()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        using var response = await client.SendAsync(Browser(HttpMethod.Get, "/no-such-page"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("Page not found", PageHtml.Text(html, "error-heading"));
        // Inside the shell: the navigation and the signed-in user's sign-out form are there.
        Assert.Contains("class=\"nav\"", html, StringComparison.Ordinal);
        Assert.Contains("Sign out", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiRoute_AndAProgramAskingForAPage_KeepProblemDetails()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        using var api = await client.SendAsync(Browser(HttpMethod.Get, "/api/v1/no-such-route"));
        using var program = await client.GetAsync("/no-such-page");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (api.StatusCode, api.Content.Headers.ContentType?.MediaType));
        Assert.Equal(404, (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (program.StatusCode, program.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task UnknownPage_SignedOut_GoesToSignIn()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.SendAsync(Browser(HttpMethod.Get, "/no-such-page"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormThatCannotBeRead_IsA400PageNamingTheFieldAndTheValue()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var token = PageHtml.Hidden(await client.GetStringAsync("/"), "__RequestVerificationToken");

        using var typed = await client.SendAsync(Browser(HttpMethod.Post, "/exceptions/resolve",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["ids"] = "ten", ["resolution"] = "done" }));
        using var tokenless = await client.SendAsync(Browser(HttpMethod.Post, "/exceptions/resolve",
            new Dictionary<string, string> { ["ids"] = "1", ["resolution"] = "done" }));

        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        var html = await typed.Content.ReadAsStringAsync();
        Assert.Equal("The request could not be read", PageHtml.Text(html, "error-heading"));
        Assert.Equal("ids must be a whole number; got 'ten'.", PageHtml.Text(html, "error-detail"));
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Equal("The form was sent without its security token, or the token has expired: reload the page and send it again.",
            PageHtml.Text(await tokenless.Content.ReadAsStringAsync(), "error-detail"));
    }

    private static HttpRequestMessage Browser(HttpMethod method, string path, Dictionary<string, string>? form = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.8));
        return request;
    }
}
