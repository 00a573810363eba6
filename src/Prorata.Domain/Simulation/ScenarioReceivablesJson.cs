using Prorata.Domain.Receivables;

namespace Prorata.Domain.Simulation;

/// <summary>
/// Reads the receivables fields of a scenario: a contract's <c>dunning</c> policy, and the <c>payment</c> and
/// <c>creditHold</c> events, which concern a customer rather than a subscription.
/// </summary>
internal static class ScenarioReceivablesJson
{
    public static bool IsReceivableEvent(JsonField e) => e.Member("type").OptionalString() is "payment" or "creditHold";

    public static DunningPolicy ReadDunning(JsonField dunning)
    {
        if (dunning.IsMissing) return DunningPolicy.None;
        var days = dunning.Member("remindAfterDays").Values(required: false).Select(d => d.Int()).ToList();
        var hold = dunning.Member("holdAfterDays").OptionalInt();
        if (DunningPolicy.Problem(days, hold) is { } problem)
        {
            var field = problem.StartsWith("holdAfterDays", StringComparison.Ordinal) ? "holdAfterDays" : "remindAfterDays";
            throw dunning.Member(field).Error(problem[(problem.IndexOf(':') + 2)..]);
        }
        return DunningPolicy.Of(days, hold);
    }

    /// <summary>A payment or staff hold event; the customer must be one of the file's customers.</summary>
    public static object ReadEvent(JsonField e, int index, IReadOnlyCollection<string> customers)
    {
        var at = e.Member("at").Timestamp();
        var customer = e.Member("customer").String();
        if (!customers.Contains(customer)) throw e.Member("customer").Error($"'{customer}' is not one of the customers");
        if (e.Member("type").String() == "creditHold")
            return new ScenarioCreditHold(index, at, customer, e.Member("enabled").OptionalBool() ?? throw e.Member("enabled").Error("is required"));
        var invoice = e.Member("invoice");
        // The amount and currency are judged when the payment is played (InvalidPayment), like any other refused event.
        return new ScenarioPayment(index, at, customer, e.Member("amount").Decimal(), e.Member("currency").String().Trim().ToUpperInvariant(),
            e.Member("reference").OptionalString())
        {
            InvoiceContract = invoice.IsMissing ? null : invoice.Member("contract").String(),
            InvoiceDate = invoice.IsMissing ? null : invoice.Member("date").Date(),
        };
    }
}
