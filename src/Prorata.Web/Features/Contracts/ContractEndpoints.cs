using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;
using Prorata.Application;
using Prorata.Application.Contracts;
using Prorata.Application.Search;
using Prorata.Domain.Contracts;
using Prorata.Web.Features.Search;

namespace Prorata.Web.Features.Contracts;

/// <summary>/api/v1/contracts (billing contracts): every staff role reads; Owner, BillingAdmin and Finance write.</summary>
public static class ContractEndpoints
{
    public static IEndpointRouteBuilder MapContracts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/contracts").WithTags("Billing contracts").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", ListAsync).WithName("ListContracts").ProducesValidationProblem()
            .WithSummary("Billing contracts matching the filters, a page at a time, with the total");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetContract").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateContract")
            .RequireAuthorization(Policies.ContractsWrite)
            .ProducesValidationProblem();
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateContract")
            .RequireAuthorization(Policies.ContractsWrite)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <param name="q">Words in the customer's or legal entity's name, or a currency code.</param>
    /// <param name="customerId">Only this customer's contracts.</param>
    /// <param name="currency">Only contracts billed in this currency (ISO 4217).</param>
    /// <param name="legalEntityId">Only contracts invoiced by this legal entity.</param>
    /// <param name="sort">customer (default), currency, billingDay or created; '-' first for descending.</param>
    /// <param name="page">1-based page; the response's nextPage is the next one.</param>
    /// <param name="pageSize">Rows per page, 1 to 1000 (default 100).</param>
    /// <param name="search">The contracts list.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    private static async Task<Results<Ok<ListResponse<ContractResponse>>, ValidationProblem>> ListAsync(string? q, Guid? customerId, string? currency,
        Guid? legalEntityId, string? sort, int? page, int? pageSize, ContractSearch search, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = ListQuery.Read(q, sort, page, pageSize, ContractSearch.Sorts, errors);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more query parameters are invalid.");
        var found = await search.ListAsync(new ContractFilter { CustomerId = customerId, Currency = currency, LegalEntityId = legalEntityId }, query, cancellationToken);
        return TypedResults.Ok(ListResponse<ContractResponse>.From(found, ContractResponse.From));
    }

    private static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> GetAsync(Guid id, ProrataDbContext db, CancellationToken cancellationToken)
    {
        var contract = await db.BillingContracts.AsNoTracking().Include(c => c.LegalEntity).Include(c => c.Customer).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return contract is null
            ? SaveResultHttp.NotFound($"No billing contract has id '{id}'.")
            : TypedResults.Ok(ContractResponse.From(contract));
    }

    private static async Task<Results<Created<ContractResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ContractRequest request, SaveContract save, CancellationToken cancellationToken)
    {
        var result = await save.CreateAsync(request.ToDraft(), request.ConfirmCurrency == true, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Created($"/api/v1/contracts/{result.Entity!.Id}", ContractResponse.From(result.Entity)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    private static async Task<Results<Ok<ContractResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ContractRequest request, SaveContract save, CancellationToken cancellationToken)
    {
        var result = await save.UpdateAsync(id, request.ToDraft(), request.Version, request.ConfirmCurrency == true, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(ContractResponse.From(result.Entity!)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }
}
