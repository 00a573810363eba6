namespace Prorata.Domain.Billing;

/// <summary>Something billing did that a person must look at (the exceptions dashboard), e.g. MissingPricingStrategy.</summary>
public sealed record BillingAlert(string Code, string Subscription, string Message)
{
    public const string MissingPricingStrategy = nameof(MissingPricingStrategy);
    public const string NoPriceInContractCurrency = nameof(NoPriceInContractCurrency);
}
