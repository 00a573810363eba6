using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;
using Prorata.Application;
using Prorata.Application.Customers;
using Prorata.Application.Tax;

namespace Prorata.Web.Features.Customers;

/// <summary>/api/v1/customers: every staff role reads; Owner and BillingAdmin write.</summary>
public static class CustomerEndpoints
{
    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", ListAsync).WithName("ListCustomers");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetCustomer").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateCustomer")
            .RequireAuthorization(Policies.CustomersWrite)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateCustomer")
            .RequireAuthorization(Policies.CustomersWrite)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/billing-address/resolve", ResolveAddressAsync).WithName("ResolveCustomerBillingAddress")
            .RequireAuthorization(Policies.CustomersWrite).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>
    /// Asks the tax provider (Avalara) to check and normalise the customer's billing address, which its invoices are taxed
    /// against. Changes nothing: staff copy a correction into the profile. 409 when no address or no provider is configured.
    /// </summary>
    private static async Task<Results<Ok<AddressResolutionResponse>, ProblemHttpResult>> ResolveAddressAsync(Guid id, ProrataDbContext db, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null) return SaveResultHttp.NotFound($"No customer has id '{id}'.");
        if (customer.BillingAddress is not { } a)
            return TypedResults.Problem($"Customer '{customer.Name}' has no billing address to resolve.", statusCode: StatusCodes.Status409Conflict, title: "Nothing to resolve.");
        if (services.GetService<ITaxProvider>() is not { } provider)
            return TypedResults.Problem("No tax provider is configured (Prorata:Avalara:AccountId).", statusCode: StatusCodes.Status409Conflict, title: "Nothing to resolve with.");
        try
        {
            var resolution = await provider.ResolveAddressAsync(new TaxAddress(a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country), cancellationToken);
            return TypedResults.Ok(new AddressResolutionResponse(resolution.Resolved,
                resolution.Address is { } r ? new AddressRequest(r.Line1, r.Line2, r.City, r.PostalCode, r.Region, r.Country) : null, resolution.Messages));
        }
        catch (Exception e) when (e is TaxProviderUnavailableException or TaxProviderRefusedException)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway, title: "The tax provider did not resolve the address.");
        }
    }

    private static async Task<Ok<List<CustomerResponse>>> ListAsync(ProrataDbContext db, CancellationToken cancellationToken)
    {
        var customers = await db.Customers.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(customers.Select(CustomerResponse.From).ToList());
    }

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> GetAsync(Guid id, ProrataDbContext db, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return customer is null
            ? SaveResultHttp.NotFound($"No customer has id '{id}'.")
            : TypedResults.Ok(CustomerResponse.From(customer));
    }

    private static async Task<Results<Created<CustomerResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CustomerRequest request, SaveCustomer save, CancellationToken cancellationToken)
    {
        var result = await save.CreateAsync(request.ToDraft(), cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Created($"/api/v1/customers/{result.Entity!.Id}", CustomerResponse.From(result.Entity)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    private static async Task<Results<Ok<CustomerResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, CustomerRequest request, SaveCustomer save, CancellationToken cancellationToken)
    {
        var result = await save.UpdateAsync(id, request.ToDraft(), request.Version, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(CustomerResponse.From(result.Entity!)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }
}
