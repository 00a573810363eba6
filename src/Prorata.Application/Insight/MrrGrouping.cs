namespace Prorata.Application.Insight;

/// <summary>
/// What the rows of the MRR report are per, each with its own history of movements (billing-rules §5): written
/// camelCase in the API (<c>by=legalEntity</c>). A grouping by something of the contract's (its legal entity, its
/// salesperson) is one key per month end in <see cref="MrrReport"/> and one list of names.
/// </summary>
public enum MrrGrouping
{
    Customer,

    /// <summary>The product of the offer each subscription is on at the month end; a bundle is its parent's product.</summary>
    Product,

    /// <summary>The legal entity of the subscription's contract.</summary>
    LegalEntity,

    /// <summary>
    /// Who sells the subscription's contract at the month end: the contract's assignment in force on the month's last day
    /// (the same history that says whose commission an invoice earns); a contract nobody sells is under
    /// <see cref="MrrReport.Unassigned"/>.
    /// </summary>
    Salesperson,
}
