namespace PartnerCenterSimulator.Model;

public sealed class SimCart
{
    public required string Id { get; init; }

    public required string CustomerId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required IReadOnlyList<SimCartLine> Lines { get; init; }

    public string Status { get; set; } = "Active";
}
