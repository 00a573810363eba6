namespace Prorata.Data.Commissions;

/// <summary>
/// Who sells a billing contract from a day on: the invoices dated on or after <see cref="From"/> (until the next row) earn
/// for <see cref="SalespersonId"/>, none when it is null. Kept as a history so that handing a contract to someone else
/// moves its later invoices only; the contract's own column names the salesperson of today.
/// </summary>
public sealed class ContractSalesperson
{
    public Guid ContractId { get; set; }

    public DateOnly From { get; set; }

    public Guid? SalespersonId { get; set; }

    public required string AssignedBy { get; set; }

    public DateTimeOffset AssignedAt { get; set; }
}
