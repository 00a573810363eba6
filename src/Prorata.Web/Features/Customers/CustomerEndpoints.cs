using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;
using Prorata.Application;
using Prorata.Application.Customers;

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
        return app;
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
