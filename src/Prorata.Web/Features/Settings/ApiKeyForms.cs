namespace Prorata.Web.Features.Settings;

/// <summary>The API keys page's "make a key" form; <see cref="ExpiresOn"/> is a date (yyyy-MM-dd), the key stops working at 00:00 UTC that day.</summary>
public sealed class CreateApiKeyForm
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? ExpiresOn { get; set; }
}

/// <summary>The API keys page's confirmed revocation.</summary>
public sealed class RevokeApiKeyForm
{
    public string? Id { get; set; }
}
