namespace ReconFileGenerator;

/// <summary>The cells of one recon line that vary; the sinks add the constant columns. Reused line after line.</summary>
internal sealed class FileLine
{
    public string CustomerId = "";
    public string CustomerName = "";
    public string CustomerDomain = "";
    public string CustomerCountry = "";
    public string OrderId = "";
    public DateOnly OrderDate;
    public Offer Offer = Offer.Catalog[0];
    public string ChargeType = "";
    public decimal UnitPrice;
    public decimal Quantity;
    public decimal Total;
    public string SubscriptionId = "";
    public DateOnly ChargeStart;
    public DateOnly ChargeEnd;
    public string TermAndBillingCycle = "";
    public decimal EffectiveUnitPrice;
    public DateOnly SubscriptionStart;
    public DateOnly SubscriptionEnd;
    public string ReferenceId = "";
    public string PromotionId = "";
    public string AlternateId = "";
}
