using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;
using Prorata.Application;
using Prorata.Application.Contracts;

namespace Prorata.Web.Features.Contracts;

/// <summary>/api/v1/contracts (billing contracts): every staff role reads; Owner, BillingAdmin and Finance write.</summary>
public static class ContractEndpoints
{
    public static IEndpointRouteBuilder MapContracts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/contracts").WithTags("Billing contracts").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", ListAsync).WithName("ListContracts");
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

    /// <param name="customerId">Only this customer's contracts, when given.</param>
    /// <param name="db">The database.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    private static async Task<Ok<List<ContractResponse>>> ListAsync(Guid? customerId, ProrataDbContext db, CancellationToken cancellationToken)
    {
        IQueryable<BillingContract> query = db.BillingContracts.AsNoTracking().Include(c => c.LegalEntity);
        if (customerId is { } id)
        {
            query = query.Where(c => c.CustomerId == id);
        }
        var contracts = await query.OrderBy(c => c.LegalEntity!.Name).ThenBy(c => c.Currency).ToListAsync(cancellationToken);
        return TypedResults.Ok(contracts.Select(ContractResponse.From).ToList());
    }

    private static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> GetAsync(Guid id, ProrataDbContext db, CancellationToken cancellationToken)
    {
        var contract = await db.BillingContracts.AsNoTracking().Include(c => c.LegalEntity).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return contract is null
            ? SaveResultHttp.NotFound($"No billing contract has id '{id}'.")
            : TypedResults.Ok(ContractResponse.From(contract));
    }

    private static async Task<Results<Created<ContractResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ContractRequest request, SaveContract save, CancellationToken cancellationToken)
    {
        var result = await save.CreateAsync(request.ToDraft(), cancellationToken);
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
        var result = await save.UpdateAsync(id, request.ToDraft(), request.Version, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(ContractResponse.From(result.Entity!)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }
}
