namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record CustomerBankAccountResource(string Id, string? AccountNumberEnding);
