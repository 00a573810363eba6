namespace Prorata.Domain.Receivables;

/// <summary>What dunning did: reminded about an invoice, put the customer on credit hold, or lifted its hold.</summary>
public enum DunningActionKind
{
    Reminder,
    CreditHold,
    HoldLifted,
}
