using Prorata.Data.Commissions;

namespace Prorata.Web.Features.Commissions;

/// <summary>A contract's salesperson today and who sold it from which day.</summary>
public sealed record ContractSalespersonResponse(Guid ContractId, Guid? SalespersonId, IReadOnlyList<ContractSalespersonResponse.Assignment> History)
{
    public static ContractSalespersonResponse From(Guid contractId, IReadOnlyList<ContractSalesperson> history) =>
        new(contractId, history.Count == 0 ? null : history[^1].SalespersonId,
            history.Select(a => new Assignment(a.From, a.SalespersonId, a.AssignedBy, a.AssignedAt)).ToList());

    public sealed record Assignment(DateOnly From, Guid? SalespersonId, string AssignedBy, DateTimeOffset AssignedAt);
}
