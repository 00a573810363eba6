namespace Prorata.Application.Receivables.Collection;

/// <summary>The provider's hosted page where the customer saves a card or signs a mandate, and the provider's customer it belongs to.</summary>
public sealed record CollectionSetup(string SessionId, Uri Url, string ProviderCustomerId);
