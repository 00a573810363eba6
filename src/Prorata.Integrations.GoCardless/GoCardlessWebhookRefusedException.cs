namespace Prorata.Integrations.GoCardless;

/// <summary>
/// A webhook whose Webhook-Signature does not match its body under the endpoint's secret (or has none, or is not GoCardless's
/// JSON). The host answers <see cref="GoCardlessGateway.InvalidSignatureStatusCode"/> (498 Token Invalid), as GoCardless asks.
/// </summary>
public sealed class GoCardlessWebhookRefusedException(string message) : Exception(message);
