namespace Prorata.Web.Features.Insight;

/// <summary>The Accept button's form on the renewals page; <see cref="Within"/> brings the page back as it was.</summary>
public sealed class RenewalAcceptForm
{
    public string? RenewsOn { get; set; }
    public int? Seats { get; set; }
    public string? Within { get; set; }
}
