namespace Prorata.Data.Catalog;

/// <summary>How the customer price follows a new Microsoft price list (billing-rules §2); atRenewal is the default.</summary>
public enum PriceRollout
{
    AtRenewal,
    Immediately,
    OnDate,
}
