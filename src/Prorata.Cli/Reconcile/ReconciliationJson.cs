using System.Text.Json;
using Prorata.Domain.Reconciliation;

namespace Prorata.Cli.Reconcile;

/// <summary>
/// The what-if output of scenarios/README.md: camelCase names and states, dates as yyyy-MM-dd. Every line has every
/// field, null where it does not apply (no expected charge, no cause for a clean match), so readers need no guessing.
/// </summary>
internal static class ReconciliationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Terminal and file output, never HTML: "Prorata's" rather than "Prorata\u0027s".
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ReconResult result) => JsonSerializer.Serialize(Shape(result), Options);

    private static object Shape(ReconResult result) => new
    {
        lines = result.Lines.Select(l => new
        {
            row = l.Line.Row,
            subscription = l.Line.SubscriptionId,
            chargeType = l.Line.ChargeTypeName,
            state = State(l.State),
            expectedTotal = l.Expected?.Total,
            actualTotal = l.Line.Subtotal,
            moneyAtStake = l.MoneyAtStake,
            rootCause = l.RootCause == RootCause.None ? null : State(l.RootCause),
            cause = l.State == ReconState.Matched ? null : l.Cause,
            // A match inside the tolerance that still differs says why (a rounding convention), without being a discrepancy.
            note = l.State == ReconState.Matched ? l.Cause : null,
        }),
        missing = result.Missing.Select(m => new
        {
            subscription = m.Expected.Subscription,
            chargeType = ChargeTypeNames.ToCamelCase(m.Expected.ChargeType),
            chargeStart = m.Expected.ChargeStart,
            chargeEnd = m.Expected.ChargeEnd,
            quantity = m.Expected.Quantity,
            total = m.Expected.Total,
            rootCause = State(m.RootCause),
            cause = m.Cause,
        }),
        summary = new
        {
            matched = result.Summary.Matched,
            amountMismatch = result.Summary.AmountMismatch,
            quantityMismatch = result.Summary.QuantityMismatch,
            priceMismatch = result.Summary.PriceMismatch,
            unexpectedCharge = result.Summary.UnexpectedCharge,
            unknownSubscription = result.Summary.UnknownSubscription,
            missingCharge = result.Summary.MissingCharge,
            moneyAtStake = result.Summary.MoneyAtStake,
        },
    };

    private static string State<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
