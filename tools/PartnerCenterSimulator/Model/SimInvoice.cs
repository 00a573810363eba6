namespace PartnerCenterSimulator.Model;

/// <summary>A closed monthly NCE invoice: the charges whose order date falls in the billing period (a calendar month).</summary>
public sealed record SimInvoice(string Id, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly InvoiceDate, IReadOnlyList<SimCharge> Charges)
{
    public decimal TotalCharges => Charges.Sum(c => c.Total);
}
