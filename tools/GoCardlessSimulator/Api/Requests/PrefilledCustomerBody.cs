namespace GoCardlessSimulator.Api.Requests;

public sealed record PrefilledCustomerBody(string? CompanyName, string? GivenName, string? FamilyName, string? Email);
