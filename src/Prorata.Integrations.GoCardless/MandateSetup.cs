namespace Prorata.Integrations.GoCardless;

/// <summary>A started mandate setup: keep <see cref="BillingRequestId"/>, send the customer to <see cref="AuthorisationUrl"/>.</summary>
public sealed record MandateSetup(string BillingRequestId, Uri AuthorisationUrl);
