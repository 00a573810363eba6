using GoCardlessSimulator.State;

namespace GoCardlessSimulator.Api;

/// <summary>Customers and their bank accounts, read only: they are created by the hosted page.</summary>
public static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/customers/{id}", (string id, SimStore store) =>
            Envelope.One("customers", store.Read(s => Shapes.Customer(s.Customer(id)))));
        app.MapGet("/customer_bank_accounts/{id}", (string id, SimStore store) =>
            Envelope.One("customer_bank_accounts", store.Read(s => Shapes.BankAccount(s.BankAccount(id)))));
    }
}
