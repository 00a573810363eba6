namespace Prorata.Domain.Receivables;

/// <summary>
/// An issued invoice as receivables see it: who owes how much, in which currency, from when and until when.
/// <see cref="Total"/> is the invoice total with tax; a negative total is a credit note, which pays <see cref="Credits"/>
/// (the invoice it corrects, when it names one) and adds the rest to the customer's credit balance.
/// <see cref="ContractId"/> orders invoices due the same day; <see cref="Dunning"/> is its contract's policy.
/// </summary>
public sealed record ReceivableInvoice(
    string Key,
    string CustomerId,
    string ContractId,
    string Currency,
    DateOnly Date,
    DateOnly Due,
    decimal Total,
    DunningPolicy Dunning)
{
    public string? Credits { get; init; }
}
