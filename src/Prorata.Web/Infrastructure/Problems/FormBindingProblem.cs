using System.Text.RegularExpressions;

namespace Prorata.Web.Infrastructure.Problems;

/// <summary>
/// What a person is told when a form could not be read: the field by its name and the value typed, in words instead
/// of .NET's message about parameter types.
/// </summary>
public static partial class FormBindingProblem
{
    private const int MaxQuoted = 80;

    public static string Describe(BadHttpRequestException exception)
    {
        var message = exception.Message;
        if (FailedToBind().Match(message) is { Success: true } failed)
            return $"{failed.Groups["name"].Value} must be {Expected(failed.Groups["type"].Value)}; got '{Quoted(failed.Groups["value"].Value)}'.";
        if (Required().Match(message) is { Success: true } missing)
            return $"{missing.Groups["name"].Value} is required.";
        if (message.Contains("antiforgery", StringComparison.OrdinalIgnoreCase) || message.Contains("anti-forgery", StringComparison.OrdinalIgnoreCase))
            return "The form was sent without its security token, or the token has expired: reload the page and send it again.";
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return "What was sent is larger than allowed.";
        return "The form could not be read.";
    }

    // A list of values ("long[] ids") fails on its first bad value: what each must be is said the same way.
    private static string Expected(string type) => type.Replace("[]", "", StringComparison.Ordinal).TrimEnd('?') switch
    {
        "int" or "long" or "short" => "a whole number",
        "decimal" or "double" or "float" => "a number",
        "bool" => "yes or no",
        "Guid" => "an id",
        "DateOnly" => "a date written yyyy-MM-dd",
        "DateTime" or "DateTimeOffset" => "a date and time",
        _ => "a valid value",
    };

    private static string Quoted(string value) => value.Length <= MaxQuoted ? value : value[..MaxQuoted] + "…";

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>\S+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "(?<type>\S+) (?<name>\S+)" was not provided""")]
    private static partial Regex Required();
}
