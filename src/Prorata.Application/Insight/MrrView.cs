using System.Text.Json.Serialization;

namespace Prorata.Application.Insight;

/// <summary>
/// The MRR report of a range of months: per currency and month (<see cref="Months"/>, whose movements are always the
/// customers'), and per customer, currency and month (<see cref="Customers"/>) or, when grouped by something else, per
/// that and currency and month (<see cref="Groups"/>). <see cref="Converted"/> only when a rate table was stated.
/// </summary>
public sealed record MrrView(IReadOnlyList<MrrMonth> Months, IReadOnlyList<MrrCustomerMonth> Customers)
{
    /// <summary>What the rows are per: <c>customer</c> (<see cref="Customers"/>), <c>product</c> or <c>legalEntity</c> (<see cref="Groups"/>).</summary>
    public string By { get; init; } = "customer";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MrrGroupMonth>? Groups { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MrrConvertedMonth>? Converted { get; init; }
}
