namespace StripeSimulator.State;

// The simulator's records of Stripe's objects; StripeStore guards them with one lock and Shapes renders them as Stripe does.

public sealed class SimCustomer
{
    public required string Id { get; init; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public required Dictionary<string, string> Metadata { get; init; }
    public long Created { get; init; }
}

public sealed class SimCheckoutSession
{
    public required string Id { get; init; }
    public required string Customer { get; init; }
    public required string SuccessUrl { get; init; }
    public string? CancelUrl { get; init; }
    public string? Currency { get; init; }
    public required List<string> PaymentMethodTypes { get; init; }
    public required string SetupIntent { get; init; }
    public required string Url { get; init; }
    public string Status { get; set; } = "open";
    public long Created { get; init; }
    public long ExpiresAt { get; init; }
}

public sealed class SimSetupIntent
{
    public required string Id { get; init; }
    public required string Customer { get; init; }
    public required List<string> PaymentMethodTypes { get; init; }
    public string Status { get; set; } = "requires_payment_method";
    public string? PaymentMethod { get; set; }
    public string? Mandate { get; set; }
    public long Created { get; init; }
}

public sealed class SimPaymentMethod
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Customer { get; set; }
    public string? BillingName { get; init; }
    public string? CardNumber { get; init; }
    public string? Brand { get; init; }
    public int ExpMonth { get; init; }
    public int ExpYear { get; init; }
    public string? Iban { get; init; }
    public long Created { get; init; }
    public string Last4 => (CardNumber ?? Iban ?? "")[^4..];
}

public sealed class SimPaymentIntent
{
    public required string Id { get; init; }
    public long Amount { get; init; }
    public long AmountReceived { get; set; }
    public required string Currency { get; init; }
    public string? Customer { get; init; }
    public string? PaymentMethod { get; init; }
    public string? PaymentMethodType { get; init; }
    public string? Description { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public string Status { get; set; } = "requires_payment_method";
    public SimPaymentError? LastPaymentError { get; set; }
    public string? LatestCharge { get; set; }
    public string? IdempotencyKey { get; init; }
    public DateTimeOffset? ProcessingSince { get; set; }
    public long Created { get; init; }
    public long Sequence { get; init; }
}

public sealed record SimPaymentError(string Type, string Code, string? DeclineCode, string Message);

public sealed class SimRefund
{
    public required string Id { get; init; }
    public required string PaymentIntent { get; init; }
    public required string Charge { get; init; }
    public long Amount { get; init; }
    public required string Currency { get; init; }
    public string Status { get; set; } = "succeeded";
    public long Created { get; init; }
}
