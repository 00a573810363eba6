using System.Net;
using System.Text.Json;

namespace Prorata.Web.Tests;

/// <summary>The OpenAPI document: how to authenticate (an API key or the staff cookie), and only the API, never the pages' form posts.</summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiDocumentTests(ProrataApp app)
{
    [Fact]
    public async Task Document_DeclaresTheKeyAndCookieSchemes_AndRequiresThemOnEveryOperationThatIsNotAnonymous()
    {
        var document = await DocumentAsync();

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("http", "bearer", "prk_<id>_<secret>"),
            (schemes.GetProperty("ApiKey").GetProperty("type").GetString(), schemes.GetProperty("ApiKey").GetProperty("scheme").GetString(),
                schemes.GetProperty("ApiKey").GetProperty("bearerFormat").GetString()));
        Assert.Equal(("apiKey", "header", "X-Api-Key"), Located(schemes.GetProperty("ApiKeyHeader")));
        Assert.Equal(("apiKey", "cookie", "prorata.auth"), Located(schemes.GetProperty("StaffCookie")));
        var create = document.GetProperty("paths").GetProperty("/api/v1/api-keys").GetProperty("post");
        Assert.Equal(["ApiKey", "ApiKeyHeader", "StaffCookie"], create.GetProperty("security").EnumerateArray().Select(r => Assert.Single(r.EnumerateObject()).Name));
        Assert.Equal("Make an API key", create.GetProperty("summary").GetString());
        Assert.True(create.GetProperty("responses").TryGetProperty("403", out _));
        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        Assert.All(operations, o => Assert.True(o.Value.TryGetProperty("security", out _), o.Name));
    }

    [Fact]
    public async Task Document_HasOnlyApiPaths_NoFormPostOfThePages()
    {
        var document = await DocumentAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/v1/api-keys/{id}/revoke", paths);
        var pages = paths.Where(p => !p.StartsWith("/api/", StringComparison.Ordinal)).ToArray();
        Assert.True(pages.Length == 0, $"not API paths: {string.Join(", ", pages)}");
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static (string?, string?, string?) Located(JsonElement scheme) =>
        (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString());
}
