namespace Prorata.Data.Receivables;

/// <summary>How money arrived: recorded by Finance (bank transfer, cheque, cash, other) or collected by a provider.</summary>
public enum PaymentMethodKind
{
    BankTransfer,
    Cheque,
    Cash,
    Other,
    Card,
    SepaDebit,
    DirectDebit,
}
