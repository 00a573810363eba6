namespace PartnerCenterSimulator.Model;

/// <summary>An order from a cart checkout; provisioning is asynchronous, so it reports pending for its first polls.</summary>
public sealed class SimOrder
{
    public required string Id { get; init; }

    public required string CustomerId { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public required IReadOnlyList<SimOrderLine> Lines { get; init; }

    public int PollsUntilCompleted { get; set; }

    public string Status => PollsUntilCompleted > 0 ? "pending" : "completed";
}
