namespace Prorata.Domain.LegalEntities;

/// <summary>Who answers an invoice's tax for a legal entity.</summary>
public enum TaxProviderKind
{
    /// <summary>Prorata's own rate table (billing-rules §5).</summary>
    BuiltIn,

    /// <summary>Avalara AvaTax, under the entity's company code; while it cannot be reached, invoices wait as drafts.</summary>
    Avalara,
}
