namespace Prorata.Application.ApiKeys;

/// <summary>A key just made, with <see cref="Secret"/>, the whole <c>prk_{id}_{secret}</c> to send: shown this once, never again.</summary>
public sealed record IssuedApiKey(ApiKeyView Key, string Secret);
