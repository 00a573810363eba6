namespace Prorata.Application.ApiKeys;

/// <summary>Who a valid key speaks for: the request acts with <see cref="Role"/>.</summary>
public sealed record ApiKeyCaller(Guid Id, string Name, string Role)
{
    /// <summary>The name a request made with the key leaves in the records it writes (change log, notes, runs).</summary>
    public string Actor => $"API key {Name} ({ApiKeyToken.PrefixOf(Id)})";
}
