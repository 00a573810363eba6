namespace Prorata.Data.Commissions;

/// <summary>
/// Someone who sells for the partner and earns commission on the invoices of the contracts that name them (billing-rules §5,
/// "Commissions"), by their <see cref="Plans"/>.
/// </summary>
public sealed class Salesperson
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>An inactive salesperson is offered for no contract; what the contracts already naming them earn stays theirs.</summary>
    public bool Active { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<SalespersonPlan> Plans { get; set; } = [];
}
