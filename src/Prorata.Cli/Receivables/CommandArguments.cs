using System.Globalization;

namespace Prorata.Cli.Receivables;

/// <summary>
/// A receivables command's arguments: `--name value` options, `--flag` switches and bare values, each checked against
/// what the command takes, so a mistyped option is named rather than ignored.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public IReadOnlyList<string> Values => _values;

    public string? this[string name] => _options.GetValueOrDefault(name);

    /// <summary>The database: --connection, else env ConnectionStrings__Prorata.</summary>
    public string? Connection => this["connection"] ?? Environment.GetEnvironmentVariable("ConnectionStrings__Prorata");

    /// <summary>Who the record names: --as (for the commands that take it), else $USER.</summary>
    public string Actor => this["as"] ?? Environment.GetEnvironmentVariable("USER") ?? "command line";

    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>Null, with why written to <paramref name="error"/>, when an argument is not one the command takes.</summary>
    public static CommandArguments? Parse(IEnumerable<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags, TextWriter error, string usage)
    {
        var parsed = new CommandArguments();
        using var arg = args.GetEnumerator();
        while (arg.MoveNext())
        {
            var text = arg.Current;
            if (!text.StartsWith("--", StringComparison.Ordinal))
            {
                parsed._values.Add(text);
                continue;
            }
            var name = text[2..];
            var valued = options.Contains(name) || name == "connection";
            if (flags.Contains(name))
            {
                parsed._flags.Add(name);
            }
            else if (valued && arg.MoveNext())
            {
                parsed._options[name] = arg.Current;
            }
            else
            {
                error.WriteLine(valued ? $"{text} needs a value" : $"unknown argument '{text}'");
                error.WriteLine(usage);
                return null;
            }
        }
        return parsed;
    }

    /// <summary>An optional yyyy-MM-dd option: (null, true) when absent, (null, false) with the reason written when malformed.</summary>
    public (DateOnly? Date, bool Valid) Date(string name, TextWriter error)
    {
        if (this[name] is not { } text) return (null, true);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return (date, true);
        error.WriteLine($"--{name} must be yyyy-MM-dd; got '{text}'.");
        return (null, false);
    }
}
