namespace Prorata.Web.Features.Commissions;

/// <summary>PUT /api/v1/contracts/{id}/salesperson: who sells the contract (null: nobody) from <see cref="From"/> (yyyy-MM-dd; today when absent).</summary>
public sealed record ContractSalespersonRequest(Guid? SalespersonId, string? From);
