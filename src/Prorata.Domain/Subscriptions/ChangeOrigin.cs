namespace Prorata.Domain.Subscriptions;

/// <summary>Whether a change is asked for (and judged) or reported as done (and recorded).</summary>
public enum ChangeOrigin
{
    /// <summary>A person asks for it (staff, portal, a scenario's event): judged under Microsoft's NCE rules, may be refused.</summary>
    Command,

    /// <summary>
    /// It already happened: Partner Center, a usage file or an earlier accepted command says so. Recorded as reported,
    /// with Microsoft's charges as Microsoft posts them, never refused on the NCE rules (windows, suspension, upgrade
    /// paths); it fails only when it cannot be applied at all.
    /// </summary>
    Fact,
}
