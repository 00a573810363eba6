namespace Prorata.Integrations.Stripe;

/// <summary>A Checkout Session in setup mode: send the customer to <see cref="Url"/>, Stripe's page, where card or bank details are typed.</summary>
public sealed record SetupSession(string Id, Uri Url);
