namespace Prorata.Integrations.Avalara;

/// <summary>AvaTax did not answer, or failed on its side (5xx, throttling), after the bounded retries: try again later.</summary>
public sealed class AvalaraUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
