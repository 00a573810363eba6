using Prorata.Application.Customers;
using Prorata.Application.Invoices;
using Prorata.Application.Search;
using Prorata.Application.Subscriptions;

namespace Prorata.Cli.Search;

/// <summary>
/// `search WORDS… [--connection STRING]`: the staff app's search box on the command line — customers (name, e-mail, tax
/// id, Microsoft tenant id or domain), subscriptions (title, product, Microsoft id) and invoice numbers, the first five of
/// each with how many match. Exit 0 (also when nothing matches), 2 on bad arguments.
/// </summary>
public static class SearchCommand
{
    private const string Usage = "usage: prorata search WORDS… [--connection STRING]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? connection = null;
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--connection" && i + 1 < args.Length) connection = args[++i];
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) return Refuse(error, $"unknown option '{args[i]}'");
            else words.Add(args[i]);
        }
        var text = string.Join(' ', words).Trim();
        if (text.Length is 0 or > ListQuery.MaxTextLength) return Refuse(error, $"WORDS must be 1 to {ListQuery.MaxTextLength} characters; got '{text}'");

        await using var db = await CommandDatabase.OpenAsync(connection ?? Environment.GetEnvironmentVariable("ConnectionStrings__Prorata"), Usage, error, cancellationToken);
        if (db is null) return 2;
        var search = new GlobalSearch(new CustomerSearch(db), new SubscriptionSearch(db), new InvoiceSearch(db));
        foreach (var group in await search.FindAsync(text, cancellationToken))
        {
            output.WriteLine($"{group.Kind}s: {group.Total}{(group.Total > group.Hits.Count ? $" (the first {group.Hits.Count})" : "")}");
            foreach (var hit in group.Hits) output.WriteLine($"  {hit.Id} {hit.Title} · {hit.Detail}");
        }
        return 0;
    }

    private static int Refuse(TextWriter error, string message)
    {
        error.WriteLine($"{message}. {Usage}");
        return 2;
    }
}
