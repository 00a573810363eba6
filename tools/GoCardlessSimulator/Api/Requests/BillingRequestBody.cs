namespace GoCardlessSimulator.Api.Requests;

/// <summary><c>{"billing_requests": {"mandate_request": {...}, "metadata": {...}}}</c>; a payment_request is not simulated.</summary>
public sealed record BillingRequestBody(MandateRequestBody? MandateRequest, Dictionary<string, string>? Metadata, System.Text.Json.JsonElement? PaymentRequest);
