namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record BillingRequestLinks(string? Customer, string? CustomerBankAccount, string? MandateRequestMandate);
