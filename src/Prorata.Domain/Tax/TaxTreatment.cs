namespace Prorata.Domain.Tax;

/// <summary>Why an invoice carries the tax it does (billing-rules §5); printed on the invoice where the law asks for it.</summary>
public enum TaxTreatment
{
    /// <summary>The rate of the customer's country (and region) applies.</summary>
    Standard,

    /// <summary>EU seller, EU business customer in another member state with a tax id: the customer accounts for the VAT.</summary>
    ReverseCharge,

    /// <summary>EU seller, customer outside the EU: no EU VAT.</summary>
    OutsideScope,

    /// <summary>The customer is tax-exempt (a certificate on file).</summary>
    Exempt,

    /// <summary>No rate is known for the customer's country: nobody decided this customer's tax yet (a work item).</summary>
    NoRate,
}
