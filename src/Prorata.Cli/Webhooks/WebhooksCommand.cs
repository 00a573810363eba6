using System.Globalization;
using Prorata.Application.Webhooks;
using Prorata.Data.Webhooks;
using Prorata.Domain.Contracts;
using static System.FormattableString;

namespace Prorata.Cli.Webhooks;

/// <summary>
/// `webhooks list|deliveries …`: the webhook subscriptions and one's delivery log, as the Settings pages show them (the
/// secrets stay in the app). Exit 0 when done, 1 for an unknown webhook, 2 on bad arguments.
/// </summary>
public static class WebhooksCommand
{
    private const string Usage = """
        usage: prorata webhooks list
               prorata webhooks deliveries WEBHOOK-ID [--state pending|delivered|failed] [--page N]
               (each also takes --connection STRING)
        """;

    private const int PageSize = 50;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var verb = args.FirstOrDefault();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        Guid? webhookId = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) options[args[i][2..]] = args[++i];
            else if (verb == "deliveries" && webhookId is null && Guid.TryParse(args[i], out var id)) webhookId = id;
            else return Refuse(error, $"unknown argument '{args[i]}'");
        }
        if (verb is not ("list" or "deliveries")) return Refuse(error, verb is null ? "a verb is required" : $"unknown verb '{verb}'");
        if (verb == "deliveries" && webhookId is null) return Refuse(error, "deliveries needs the webhook's id");
        int? page = null;
        if (options.TryGetValue("page", out var pageText))
        {
            if (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return Refuse(error, $"--page must be a number from 1; got '{pageText}'");
            page = number;
        }
        var errors = new ValidationErrors();
        // The API's own rules for the log's filter, so that a value means the same everywhere.
        if (!WebhookLogFilter.TryRead(options.GetValueOrDefault("state"), page, PageSize, errors, out var state))
            return Refuse(error, string.Join(" ", errors.ToDictionary().Values.SelectMany(m => m)));
        if (options.Keys.FirstOrDefault(k => k is not ("connection" or "state" or "page")) is { } unknown) return Refuse(error, $"unknown option '--{unknown}'");

        await using var db = await CommandDatabase.OpenAsync(options.GetValueOrDefault("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Prorata"),
            "usage: prorata webhooks …", error, cancellationToken);
        if (db is null) return 2;
        var log = new WebhookLog(db);
        if (verb == "list")
        {
            var webhooks = await log.ListAsync(cancellationToken);
            output.WriteLine($"{webhooks.Count} webhook(s)");
            foreach (var w in webhooks)
            {
                var description = w.Description is { } text ? $" ({text})" : "";
                output.WriteLine($"{w.Id} {(w.Active ? "active" : "inactive")} {w.Url}{description}: {string.Join(", ", WebhookEventTypes.Parse(w.EventTypes))}");
            }
            return 0;
        }
        if (await log.FindAsync(webhookId!.Value, cancellationToken) is not { } webhook)
        {
            error.WriteLine($"No webhook has id '{webhookId}'.");
            return 1;
        }
        var found = await log.DeliveriesAsync(webhook.Id, state, page ?? 1, PageSize, cancellationToken);
        output.WriteLine($"{found.Total} deliveries to {webhook.Url}; page {found.Page}");
        foreach (var d in found.Items) output.WriteLine(Line(d));
        return 0;
    }

    private static string Line(WebhookDelivery d)
    {
        var last = d.LastError ?? (d.LastStatusCode is { } code ? Invariant($"HTTP {code}") : null);
        var next = d.State == WebhookDeliveryState.Pending && d.NextAttemptAt is { } at ? Invariant($", next attempt {at:yyyy-MM-dd HH:mm:ss}") : "";
        return Invariant($"{d.CreatedAt:yyyy-MM-dd HH:mm:ss} {d.EventType} {d.EventId} {EnumText.ToWire(d.State)} after {d.Attempts} attempt(s)")
            + (last is null ? "" : $": {last}") + next;
    }

    private static int Refuse(TextWriter error, string problem)
    {
        error.WriteLine(problem);
        error.WriteLine(Usage);
        return 2;
    }
}
