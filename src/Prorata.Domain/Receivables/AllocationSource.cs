namespace Prorata.Domain.Receivables;

/// <summary>What paid an invoice: a payment, a credit note, or the customer's credit balance.</summary>
public enum AllocationSource
{
    Payment,
    CreditNote,
    CreditBalance,
}
