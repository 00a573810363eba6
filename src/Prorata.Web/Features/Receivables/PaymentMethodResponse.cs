using Prorata.Data.Receivables;

namespace Prorata.Web.Features.Receivables;

/// <summary>A saved payment method as may be shown; the token is the provider's (pm_…, MD…), never card or bank details.</summary>
public sealed record PaymentMethodResponse(Guid Id, string Provider, string Kind, string Display, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static PaymentMethodResponse From(SavedPaymentMethod m) =>
        new(m.Id, Camel(m.Provider.ToString()), Camel(m.Kind.ToString()), m.Display, m.CreatedAt, m.RevokedAt);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
