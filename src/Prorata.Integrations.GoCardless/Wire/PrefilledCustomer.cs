namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record PrefilledCustomer(string CompanyName, string Email);
