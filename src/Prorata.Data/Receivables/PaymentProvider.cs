namespace Prorata.Data.Receivables;

/// <summary>Who holds the money's record: Finance (a manual entry), Stripe or GoCardless.</summary>
public enum PaymentProvider
{
    Manual,
    Stripe,
    GoCardless,
}
