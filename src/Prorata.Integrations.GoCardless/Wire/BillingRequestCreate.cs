namespace Prorata.Integrations.GoCardless.Wire;

/// <summary>The body of <c>POST /billing_requests</c>: only a mandate request (no payment now), tagged with Prorata's customer.</summary>
internal sealed record BillingRequestCreate(MandateRequest MandateRequest, Dictionary<string, string> Metadata);
