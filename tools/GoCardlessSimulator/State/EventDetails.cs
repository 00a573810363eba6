namespace GoCardlessSimulator.State;

/// <summary>An event's details: who caused it (gocardless, bank, api, customer), GoCardless's cause, the scheme's reason code.</summary>
public sealed record EventDetails(string Origin, string Cause, string Description, string? Scheme = null, string? ReasonCode = null);
