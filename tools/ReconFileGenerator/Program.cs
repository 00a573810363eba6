using System.Globalization;
using ReconFileGenerator;

// dotnet run --project tools/ReconFileGenerator -- --lines 1000000 --subscriptions 100000 --out F.csv [--gzip-jsonl]
//   [--seed N] [--us-dates] [--quote-all] [--inject OutOfBandSeatAdd=3,PriceChange=2,...]
var options = new GeneratorOptions();
string? path = null;
var format = OutputFormat.Csv;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--lines": options = options with { Lines = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
            case "--subscriptions": options = options with { Subscriptions = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
            case "--seed": options = options with { Seed = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
            case "--out": path = args[++i]; break;
            case "--gzip-jsonl": format = OutputFormat.GzipJsonLines; break;
            case "--us-dates": options = options with { UsDates = true }; break;
            case "--quote-all": options = options with { QuoteAll = true }; break;
            case "--inject":
                options = options with
                {
                    Injections = args[++i].Split(',').Select(p => p.Split('=')).ToDictionary(
                        p => Enum.Parse<Injection>(p[0], ignoreCase: true), p => int.Parse(p[1], CultureInfo.InvariantCulture)),
                };
                break;
            default: throw new ArgumentException($"unknown option {args[i]}");
        }
    }
    if (path is null)
    {
        throw new ArgumentException("--out FILE is required");
    }
}
catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine("usage: ReconFileGenerator --lines N --subscriptions N --out FILE [--gzip-jsonl] [--seed N] [--us-dates] [--quote-all] [--inject Kind=N,...]");
    return 2;
}

try
{
    using var file = File.Create(path);
    var result = ReconGenerator.Generate(options, file, format);
    Console.Error.WriteLine($"{result.Lines} lines, {result.Expected.Count} expected charges, money at stake {result.MoneyAtStake}");
    foreach (var (state, count) in result.Counts.OrderBy(p => p.Key))
    {
        Console.Error.WriteLine($"  {state}: {count}");
    }
}
catch (ArgumentException e)
{
    File.Delete(path);
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
return 0;
