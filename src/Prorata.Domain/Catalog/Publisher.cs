namespace Prorata.Domain.Catalog;

/// <summary>Who supplies a product: Microsoft (the partner pays Microsoft for it) or the partner itself (services, bundles).</summary>
public enum Publisher
{
    Microsoft,
    Partner,
}
