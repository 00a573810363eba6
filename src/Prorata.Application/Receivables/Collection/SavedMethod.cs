using Prorata.Data.Receivables;

namespace Prorata.Application.Receivables.Collection;

/// <summary>What a completed setup saved: the provider's token and what may be shown of it.</summary>
public sealed record SavedMethod(string Token, PaymentMethodKind Kind, string Display, string ProviderCustomerId);
