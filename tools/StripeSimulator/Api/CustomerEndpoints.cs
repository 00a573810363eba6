using StripeSimulator.State;

namespace StripeSimulator.Api;

/// <summary><c>POST /v1/customers</c> (name, email, description, metadata) and <c>GET /v1/customers/{id}</c>.</summary>
public static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/customers", async (HttpRequest request, StripeStore store, TimeProvider clock) =>
        {
            var form = await RequestForm.ReadAsync(request);
            var customer = new SimCustomer
            {
                Id = Ids.New("cus"),
                Name = Payments.Text(form, "name"),
                Email = Payments.Text(form, "email"),
                Metadata = form["metadata"] is System.Text.Json.Nodes.JsonObject metadata
                    ? metadata.ToDictionary(p => p.Key, p => (string?)p.Value ?? "")
                    : [],
                Created = clock.GetUtcNow().ToUnixTimeSeconds(),
            };
            store.Customers[customer.Id] = customer;
            return Shapes.Ok(Shapes.Customer(customer));
        });
        app.MapGet("/v1/customers/{id}", (string id, StripeStore store) =>
            store.Customers.TryGetValue(id, out var customer)
                ? Shapes.Ok(Shapes.Customer(customer))
                : StripeError.Missing("customer", id, "id").ToResult());
    }
}
