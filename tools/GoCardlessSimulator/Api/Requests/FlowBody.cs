namespace GoCardlessSimulator.Api.Requests;

public sealed record FlowBody(string? RedirectUri, string? ExitUri, PrefilledCustomerBody? PrefilledCustomer, Dictionary<string, string>? Links);
