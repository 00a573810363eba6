namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record MandateLinks(string Customer, string? CustomerBankAccount);
