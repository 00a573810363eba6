using Prorata.Application.WorkItems;
using Prorata.Data.Invoices;
using Prorata.Data.WorkItems;

namespace Prorata.Application.Receivables.Collection;

/// <summary>Collections a person must look at: an auto-charge refused on its last attempt, a payment charged back.</summary>
public static class CollectionProblems
{
    public const string AutoChargeFailed = "AutoChargeFailed";
    public const string PaymentChargedBack = "PaymentChargedBack";

    public static WorkItemDraft ChargedBack(CustomerInvoice invoice, Guid customerId, decimal amount, string reason) =>
        new(WorkItemKind.InvoiceProblem, PaymentChargedBack, WorkItemSubject.Invoice, invoice.Id.ToString(),
            $"The customer's bank took back the payment of invoice {invoice.DisplayNumber} ({reason}); the invoice is open again. Contact the customer before collecting again.")
        {
            CustomerId = customerId,
            ContractId = invoice.ContractId,
            AmountAtStake = amount,
            Currency = invoice.Currency,
        };

    public static WorkItemDraft Failed(CustomerInvoice invoice, Guid customerId, decimal amount, int attempts, string reason) =>
        new(WorkItemKind.InvoiceProblem, AutoChargeFailed, WorkItemSubject.Invoice, invoice.Id.ToString(),
            $"Invoice {invoice.DisplayNumber} could not be collected automatically after {attempts} attempts: {reason}. Ask the customer to update their payment method, or record their payment.")
        {
            CustomerId = customerId,
            ContractId = invoice.ContractId,
            AmountAtStake = amount,
            Currency = invoice.Currency,
        };
}
