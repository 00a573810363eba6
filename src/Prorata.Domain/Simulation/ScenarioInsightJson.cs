using Prorata.Domain.Insight;

namespace Prorata.Domain.Simulation;

/// <summary>
/// Reads the commission fields of a scenario: the file's <c>salespeople</c> with their plans, and a contract's
/// <c>salesperson</c>, which must be one of them. Both are optional; without them no commission is earned.
/// </summary>
internal static class ScenarioInsightJson
{
    private static readonly Dictionary<string, CommissionBasis> Bases = new() { ["revenue"] = CommissionBasis.Revenue, ["margin"] = CommissionBasis.Margin };
    private static readonly Dictionary<string, CommissionPayout> Payouts = new()
    {
        ["invoice"] = CommissionPayout.Invoice, ["cash"] = CommissionPayout.Cash, ["booking"] = CommissionPayout.Booking,
    };

    public static IReadOnlyList<Salesperson> ReadSalespeople(JsonField root)
    {
        var salespeople = new List<Salesperson>();
        foreach (var person in root.Member("salespeople").Items(required: false))
        {
            var id = person.Member("id").String();
            if (salespeople.Any(s => s.Id == id)) throw person.Member("id").Error($"'{id}' is listed twice");
            salespeople.Add(new Salesperson(id, person.Member("plans").Items().Select(ReadPlan).ToList()));
        }
        return salespeople;
    }

    /// <summary>The salesperson a contract names, or null; one the file does not list is refused.</summary>
    public static string? ReadSalesperson(JsonField contract, IReadOnlyList<Salesperson> salespeople)
    {
        var id = contract.Member("salesperson").OptionalString();
        if (id is not null && salespeople.All(s => s.Id != id)) throw contract.Member("salesperson").Error($"'{id}' is not one of the salespeople");
        return id;
    }

    private static CommissionPlan ReadPlan(JsonField plan)
    {
        var rate = plan.Member("rate").Decimal();
        if (rate is < 0 or > 100) throw plan.Member("rate").Error($"must be between 0 and 100 (percent); got {rate}");
        return new CommissionPlan(plan.Member("productId").String(), plan.Member("skuId").OptionalString(), plan.Member("basis").Word(Bases), rate,
            plan.Member("payout").Word(Payouts));
    }
}
