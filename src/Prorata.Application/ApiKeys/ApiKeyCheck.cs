namespace Prorata.Application.ApiKeys;

/// <summary>The answer to a presented key: its <see cref="Caller"/>, or why it is refused.</summary>
public sealed record ApiKeyCheck(ApiKeyCaller? Caller, string? Refusal)
{
    public static ApiKeyCheck Valid(ApiKeyCaller caller) => new(caller, null);

    public static ApiKeyCheck Refused(string reason) => new(null, reason);
}
