namespace AvalaraSimulator.State;

/// <summary>The one account this simulator accepts: Basic base64(accountId:licenseKey).</summary>
public sealed record Credentials(string AccountId, string LicenseKey);
