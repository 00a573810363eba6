namespace Prorata.Domain.Catalog;

/// <summary>How often a term is charged; the value is the charge cycle in months.</summary>
public enum BillingPlan
{
    Monthly = 1,
    Annual = 12,
    Triennial = 36,
}
