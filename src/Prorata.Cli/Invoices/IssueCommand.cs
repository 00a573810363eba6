using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prorata.Application.Invoices;
using Prorata.Application.Invoices.Delivery;
using Prorata.Application.Outbox;
using Prorata.Data.Invoices;

namespace Prorata.Cli.Invoices;

/// <summary>
/// `issue --date yyyy-MM-dd [--connection STRING]`: issues every draft invoice of that billing date — the step after a
/// `bill --draft` run was reviewed. Each is taxed, numbered and frozen as the app's Issue button does; one that cannot
/// be issued (its legal entity has no address, Avalara is not configured here) is named with why and stays a draft.
/// With Prorata__Smtp__Host set, issued invoices are queued for e-mail and the app's outbox worker sends them.
/// Exit 1 when any draft stayed, 2 on bad arguments.
/// </summary>
public static class IssueCommand
{
    private const string Usage = "usage: prorata issue --date yyyy-MM-dd [--connection STRING]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? dateText = null, connection = Environment.GetEnvironmentVariable("ConnectionStrings__Prorata");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--date" when i + 1 < args.Length: dateText = args[++i]; break;
                case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
                default:
                    error.WriteLine($"unknown argument '{args[i]}'; {Usage}");
                    return 2;
            }
        }
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error.WriteLine($"--date must be yyyy-MM-dd; got '{dateText}'. {Usage}");
            return 2;
        }
        await using var db = await CommandDatabase.OpenAsync(connection, Usage, error, cancellationToken);
        if (db is null) return 2;
        var drafts = await db.Invoices.AsNoTracking().Where(i => i.BillingDate == date && i.Status == InvoiceStatus.Draft && i.Kind == InvoiceKind.Invoice)
            .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        var smtp = Options.Create(new SmtpOptions { Host = Environment.GetEnvironmentVariable("Prorata__Smtp__Host") });
        var issued = 0;
        var stayed = 0;
        foreach (var id in drafts)
        {
            db.ChangeTracker.Clear();
            var result = await new InvoiceLifecycle(db, TimeProvider.System, smtp, new OutboxSignal()).IssueAsync(id, cancellationToken);
            if (result.Invoice is { } invoice)
            {
                issued++;
                output.WriteLine($"{invoice.DisplayNumber}: {invoice.Total.ToString("0.00", CultureInfo.InvariantCulture)} {invoice.Currency}");
            }
            else
            {
                stayed++;
                output.WriteLine($"{id}: stays a draft: {result.Refusal}");
            }
        }
        output.WriteLine($"issued {issued} of {drafts.Count} draft invoice(s) of {date:yyyy-MM-dd}{(stayed > 0 ? $"; {stayed} stayed drafts" : "")}");
        return stayed > 0 ? 1 : 0;
    }
}
