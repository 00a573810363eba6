namespace Prorata.Application.Commissions;

/// <summary>
/// The result of a commission command: the value, or why nothing was written. Refusals are values (STYLE), so the API and
/// the pages show the same message from one call.
/// </summary>
public sealed record CommissionResult<T>(CommissionOutcome Outcome, T? Value, IDictionary<string, string[]> Errors, string? Code, string? Message)
    where T : class
{
    public static CommissionResult<T> Done(T value) => new(CommissionOutcome.Done, value, Empty, null, null);

    public static CommissionResult<T> Invalid(IDictionary<string, string[]> errors) => new(CommissionOutcome.Invalid, null, errors, null, null);

    public static CommissionResult<T> Refused(string code, string message) => new(CommissionOutcome.Refused, null, Empty, code, message);

    public static CommissionResult<T> NotFound(string message) => new(CommissionOutcome.NotFound, null, Empty, null, message);

    public static CommissionResult<T> Conflict(string message) => new(CommissionOutcome.Conflict, null, Empty, null, message);

    /// <summary>Every message, one after the other: for a page that shows a refusal in one line.</summary>
    public string Explanation => Message ?? string.Join(" ", Errors.Values.SelectMany(v => v));

    private static IDictionary<string, string[]> Empty => new Dictionary<string, string[]>();
}
