namespace Prorata.Application.ApiKeys;

/// <summary>A key as the Owner asks for it (API, Settings page, command line); <see cref="ExpiresAt"/> null: it never expires.</summary>
public sealed record ApiKeyDraft(string? Name, string? Role, DateTimeOffset? ExpiresAt);
