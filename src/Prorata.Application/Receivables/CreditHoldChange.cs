namespace Prorata.Application.Receivables;

/// <summary>What following the ledger did to dunning's credit hold of a customer.</summary>
public enum CreditHoldChange
{
    None,
    Held,
    Lifted,
}
