namespace Prorata.Integrations.GoCardless.Wire;

/// <summary>
/// The body of <c>POST /billing_request_flows</c>: where the customer returns, and what GoCardless's page may show already
/// filled in (bank details are typed by the customer on GoCardless's page only).
/// </summary>
internal sealed record BillingRequestFlowCreate(string RedirectUri, string ExitUri, PrefilledCustomer PrefilledCustomer, FlowLinks Links);
