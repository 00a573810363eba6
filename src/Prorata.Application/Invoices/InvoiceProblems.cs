using Prorata.Application.WorkItems;
using Prorata.Data.Invoices;
using Prorata.Data.LegalEntities;
using Prorata.Data.WorkItems;

namespace Prorata.Application.Invoices;

/// <summary>What stops or spoils an invoice on its way to the customer, as work items a person settles.</summary>
public static class InvoiceProblems
{
    public const string NoTaxRate = "NoTaxRate";
    public const string SellerAddressMissing = "SellerAddressMissing";
    public const string TaxProviderUnavailable = "TaxProviderUnavailable";
    public const string TaxProviderRefused = "TaxProviderRefused";
    public const string DeliveryFailed = "DeliveryFailed";

    /// <summary>billing-rules §5: no rate for the customer's country — issued without tax; a person decides this customer's tax.</summary>
    public static WorkItemDraft NoRate(Guid customerId, string customerName, string? country, string? region, Guid contractId) =>
        new(WorkItemKind.InvoiceProblem, NoTaxRate, WorkItemSubject.Customer, customerId.ToString(),
            country is null or ""
                ? $"Nobody decided the tax of {customerName}: the customer has no billing country, so its invoices carry no tax. Add its billing address (or mark it exempt)."
                : $"Nobody decided the tax of {customerName}: the rate table has no row for {country}{(region is null ? "" : $" / {region}")}, so its invoices carry no tax. Add the rate under Tax rates (or mark the customer exempt).")
        {
            CustomerId = customerId,
            ContractId = contractId,
        };

    public static WorkItemDraft NoSellerAddress(LegalEntity entity, Guid contractId, Guid customerId, DateOnly date, decimal total, string currency) =>
        new(WorkItemKind.InvoiceProblem, SellerAddressMissing, WorkItemSubject.LegalEntity, entity.Id.ToString(),
            $"Invoices of legal entity '{entity.Name}' stay drafts (the latest of {date:yyyy-MM-dd}): it has no address, and an invoice must name the seller's. Complete it under Legal entities, then issue them.")
        {
            CustomerId = customerId,
            ContractId = contractId,
            AmountAtStake = total,
            Currency = currency,
        };

    public static WorkItemDraft TaxProviderDown(CustomerInvoice invoice, Guid customerId, string reason) =>
        new(WorkItemKind.InvoiceProblem, TaxProviderUnavailable, WorkItemSubject.Invoice, invoice.Id.ToString(),
            $"The invoice of {invoice.BillingDate:yyyy-MM-dd} waits as a draft: Avalara did not answer ({reason}). It is issued as soon as it does; it is never issued without tax.")
        {
            CustomerId = customerId,
            ContractId = invoice.ContractId,
            AmountAtStake = invoice.Subtotal,
            Currency = invoice.Currency,
        };

    public static WorkItemDraft TaxProviderSaidNo(CustomerInvoice invoice, Guid customerId, string reason) =>
        new(WorkItemKind.InvoiceProblem, TaxProviderRefused, WorkItemSubject.Invoice, invoice.Id.ToString(),
            $"Avalara refused the invoice of {invoice.BillingDate:yyyy-MM-dd}, so it stays a draft: {reason}. Correct the customer's or the entity's address, then issue it.")
        {
            CustomerId = customerId,
            ContractId = invoice.ContractId,
            AmountAtStake = invoice.Subtotal,
            Currency = invoice.Currency,
        };

    public static WorkItemDraft NotDelivered(CustomerInvoice invoice, Guid customerId, string recipients, string reason) =>
        new(WorkItemKind.InvoiceProblem, DeliveryFailed, WorkItemSubject.Invoice, invoice.Id.ToString(),
            $"Invoice {invoice.DisplayNumber} did not reach {recipients}: {reason}. Check the customer's billing e-mails, then resend it.")
        {
            CustomerId = customerId,
            ContractId = invoice.ContractId,
            AmountAtStake = invoice.Total,
            Currency = invoice.Currency,
        };
}
