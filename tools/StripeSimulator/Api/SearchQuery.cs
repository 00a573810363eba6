using System.Text.RegularExpressions;
using StripeSimulator.State;

namespace StripeSimulator.Api;

/// <summary>
/// The part of Stripe's search query language the simulator reads: clauses joined by AND, each
/// <c>metadata['key']:'value'</c>, <c>customer:'cus_…'</c>, <c>status:'succeeded'</c>, <c>currency:'eur'</c> or
/// <c>amount:1000</c>; a quote inside a value is written \'. OR, negation, ranges and other fields are refused.
/// </summary>
public sealed partial class SearchQuery
{
    private readonly List<Func<SimPaymentIntent, bool>> _clauses;

    private SearchQuery(List<Func<SimPaymentIntent, bool>> clauses) => _clauses = clauses;

    public bool Matches(SimPaymentIntent intent) => _clauses.All(clause => clause(intent));

    public static SearchQuery? Parse(string query, out string? error)
    {
        var clauses = new List<Func<SimPaymentIntent, bool>>();
        foreach (var part in AndPattern().Split(query.Trim()))
        {
            var match = ClausePattern().Match(part.Trim());
            if (!match.Success)
            {
                error = $"We could not parse your search query: '{part.Trim()}'. Try the form field:'value', joined by AND.";
                return null;
            }
            var field = match.Groups["field"].Value;
            var value = match.Groups["quoted"].Success ? match.Groups["quoted"].Value.Replace("\\'", "'") : match.Groups["number"].Value;
            Func<SimPaymentIntent, bool>? clause = field switch
            {
                _ when match.Groups["key"].Success => i => i.Metadata.GetValueOrDefault(match.Groups["key"].Value) == value,
                "customer" => i => i.Customer == value,
                "status" => i => i.Status == value,
                "currency" => i => i.Currency == value,
                "amount" => i => i.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) == value,
                _ => null,
            };
            if (clause is null)
            {
                error = $"Field '{field}' is an unsupported search field for payment_intents.";
                return null;
            }
            clauses.Add(clause);
        }
        error = null;
        return new SearchQuery(clauses);
    }

    [GeneratedRegex(@"\s+AND\s+")]
    private static partial Regex AndPattern();

    [GeneratedRegex(@"^(?<field>metadata\['(?<key>[^']+)'\]|[a-z_]+):(?:'(?<quoted>(?:[^'\\]|\\.)*)'|(?<number>\d+))$")]
    private static partial Regex ClausePattern();
}
