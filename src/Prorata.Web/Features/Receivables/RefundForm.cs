namespace Prorata.Web.Features.Receivables;

/// <summary>The customer page's "refund credit" form: how much of the credit balance goes back, in which currency, with the bank reference.</summary>
public sealed class RefundForm
{
    public string? Amount { get; set; }

    public string? Currency { get; set; }

    public string? Reference { get; set; }
}
