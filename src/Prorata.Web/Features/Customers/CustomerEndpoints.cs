using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;
using Prorata.Application;
using Prorata.Application.Customers;
using Prorata.Application.Search;
using Prorata.Application.Tax;
using Prorata.Domain.Contracts;
using Prorata.Web.Features.Search;

namespace Prorata.Web.Features.Customers;

/// <summary>/api/v1/customers: every staff role reads; Owner and BillingAdmin write.</summary>
public static class CustomerEndpoints
{
    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", ListAsync).WithName("ListCustomers").ProducesValidationProblem()
            .WithSummary("Customers matching the filters, a page at a time, with the total");
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

    /// <param name="q">Words in the name, billing e-mail or tax id, or the linked Microsoft tenant's id or domain.</param>
    /// <param name="onHold">true: only customers on credit hold (staff's or dunning's); false: only those not.</param>
    /// <param name="currency">Only customers billed in this currency (ISO 4217).</param>
    /// <param name="parentId">Only the subsidiaries of this customer.</param>
    /// <param name="sort">name (default), currency or created; '-' first for descending.</param>
    /// <param name="page">1-based page; the response's nextPage is the next one.</param>
    /// <param name="pageSize">Rows per page, 1 to 1000 (default 100).</param>
    /// <param name="search">The customers list.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    private static async Task<Results<Ok<ListResponse<CustomerResponse>>, ValidationProblem>> ListAsync(string? q, bool? onHold, string? currency, Guid? parentId,
        string? sort, int? page, int? pageSize, CustomerSearch search, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = ListQuery.Read(q, sort, page, pageSize, CustomerSearch.Sorts, errors);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more query parameters are invalid.");
        var found = await search.ListAsync(new CustomerFilter { OnHold = onHold, Currency = currency, ParentId = parentId }, query, cancellationToken);
        return TypedResults.Ok(ListResponse<CustomerResponse>.From(found, CustomerResponse.From));
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
