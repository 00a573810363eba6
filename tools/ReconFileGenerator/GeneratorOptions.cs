namespace ReconFileGenerator;

/// <summary>
/// What to generate. <see cref="Lines"/> is the number of data lines (injections included), spread evenly over
/// <see cref="Subscriptions"/> (at least 3 lines each). The same options and seed give the same file, byte for byte.
/// </summary>
public sealed record GeneratorOptions
{
    public int Lines { get; init; } = 1000;

    public int Subscriptions { get; init; } = 100;

    public int Seed { get; init; } = 20250301;

    /// <summary>The first charge cycles start in this month; later cycles follow monthly.</summary>
    public DateOnly FirstMonth { get; init; } = new(2025, 1, 1);

    public IReadOnlyDictionary<Injection, int> Injections { get; init; } = new Dictionary<Injection, int>();

    /// <summary>Write dates as the US portal does (<c>3/14/2025</c>) instead of ISO.</summary>
    public bool UsDates { get; init; }

    /// <summary>Quote every CSV field, numbers included.</summary>
    public bool QuoteAll { get; init; }

    /// <summary>Writes <see cref="BadValue.Value"/> in place of one column of one row (1-based file row, header = 1).</summary>
    public BadValue? Corrupt { get; init; }
}
