using Prorata.Domain.Money;

namespace Prorata.Data.Billing;

/// <summary>Prorata:Billing — the partner's own currency (the one Microsoft bills it in) and Microsoft's rounding convention.</summary>
public sealed class BillingOptions
{
    public const string Section = "Prorata:Billing";

    public string PartnerCurrency { get; set; } = "USD";

    public ProviderRounding ProviderRounding { get; set; } = ProviderRounding.TruncateLine;
}
