namespace Prorata.Application.Insight;

/// <summary>What the gross profit report adds up by: each invoice line, or per customer, product, contract or month.</summary>
public enum GrossProfitGrouping
{
    Line,
    Customer,
    Product,
    Contract,
    Month,
}
