namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's DocumentType (the subset Prorata sends): an <c>…Order</c> is an estimate AvaTax does not keep, an <c>…Invoice</c> is recorded.</summary>
public enum DocumentType
{
    SalesOrder,
    SalesInvoice,
    ReturnOrder,
    ReturnInvoice,
}
