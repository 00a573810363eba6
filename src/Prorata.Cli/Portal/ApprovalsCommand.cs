using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Prorata.Application;
using Prorata.Application.Portal;
using Prorata.Application.Subscriptions;
using Prorata.Cli.Receivables;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Data.Portal;
using Prorata.Domain.Subscriptions;

namespace Prorata.Cli.Portal;

/// <summary>
/// `approvals [list] [--state pending|…|all] [--customer ID|NAME]`, `approvals approve ID`, `approvals decline ID --reason TEXT`:
/// the portal's approval queue, by the same rules as /approvals and the API. A customer linked to Partner Center is approved in
/// the app only, which places the order with Microsoft: this command has no Partner Center connection. Exit 0 when done, 1 when
/// refused (not found, decided already, the rules said no), 2 on bad arguments.
/// </summary>
public static class ApprovalsCommand
{
    private const string Usage = """
        usage: prorata approvals [list] [--state pending|approving|approved|declined|refused|withdrawn|all] [--customer ID|NAME]
               prorata approvals approve ID [--partner-currency USD]
               prorata approvals decline ID --reason TEXT
               (each also takes --connection STRING; approve and decline take --as NAME, who decided; default: $USER; list shows pending by default)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        var verb = args.FirstOrDefault() is "approve" or "decline" or "list" ? args[0] : "list";
        var rest = args.FirstOrDefault() is "approve" or "decline" or "list" ? args[1..] : args;
        (string[] Options, int Values) shape = verb switch
        {
            "approve" => (["as", "partner-currency"], 1),
            "decline" => (["as", "reason"], 1),
            _ => (["state", "customer"], 0),
        };
        var arguments = CommandArguments.Parse(rest, shape.Options, [], error, Usage);
        if (arguments is null) return 2;
        if (arguments.Values.Count != shape.Values)
        {
            error.WriteLine(arguments.Values.Count > shape.Values ? $"unknown argument '{arguments.Values[shape.Values]}'" : $"{verb} needs the request's id");
            error.WriteLine(Usage);
            return 2;
        }
        var requestId = Guid.Empty;
        if (shape.Values == 1 && !Guid.TryParse(arguments.Values[0], out requestId))
        {
            error.WriteLine($"{verb} needs the request's id (a GUID); got '{arguments.Values[0]}'.");
            return 2;
        }
        PortalRequestState? state = PortalRequestState.Pending;
        if (verb == "list" && arguments["state"] is { } stateText && !TryState(stateText, out state))
        {
            error.WriteLine($"--state must be one of pending, approving, approved, declined, refused, withdrawn or all; got '{stateText}'.");
            error.WriteLine(Usage);
            return 2;
        }

        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, "usage: prorata approvals …", error, cancellationToken, time);
        if (db is null) return 2;
        var options = new BillingOptions { PartnerCurrency = arguments["partner-currency"] ?? "USD" };
        var approvals = new PortalApprovals(db, new SubscriptionChanges(db, options, time), time);
        switch (verb)
        {
            case "list":
                Guid? customerId = null;
                if (arguments["customer"] is { } customerText)
                {
                    if (await CustomerLookup.FindAsync(db, customerText, error, cancellationToken) is not { } customer) return 1;
                    customerId = customer.Id;
                }
                var requests = (await approvals.ListAsync(state, customerId, cancellationToken)).OrderBy(r => r.State != PortalRequestState.Pending).ToList();
                var ids = requests.Select(r => r.CustomerId).Distinct().ToList();
                var names = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
                output.WriteLine($"{requests.Count} {(state is { } s ? s.ToString().ToLowerInvariant() + " " : "")}portal request(s)");
                foreach (var r in requests) output.WriteLine(Line(r, names.GetValueOrDefault(r.CustomerId, "?")));
                return 0;
            case "approve":
                var request = await db.PortalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
                if (request is not null && await db.PartnerCenterCustomers.AnyAsync(l => l.CustomerId == request.CustomerId, cancellationToken))
                {
                    error.WriteLine("The customer is linked to Partner Center: approve on /approvals or with POST /api/v1/portal-requests/{id}/approve, "
                        + "which place the order with Microsoft. Nothing was changed.");
                    return 1;
                }
                return Report(await approvals.ApproveAsync(requestId, arguments.Actor, cancellationToken), output, error);
            default:
                var declined = await approvals.DeclineAsync(requestId, arguments.Actor, arguments["reason"], cancellationToken);
                if (declined.Outcome == SaveOutcome.Invalid)
                {
                    error.WriteLine($"--reason: {declined.Errors["reason"][0]}");
                    return 2;
                }
                return Report(declined, output, error);
        }
    }

    private static int Report(SaveResult<PortalRequest> result, TextWriter output, TextWriter error)
    {
        if (result.Outcome != SaveOutcome.Saved)
        {
            error.WriteLine(result.Message);
            return 1;
        }
        var r = result.Entity!;
        output.WriteLine(r.State == PortalRequestState.Approved
            ? $"{r.Id} approved by {r.DecidedBy}: subscription {r.ResultSubscriptionId}"
            : $"{r.Id} declined by {r.DecidedBy}: {r.Outcome}");
        return 0;
    }

    private static string Line(PortalRequest r, string customer)
    {
        var what = r.Type switch
        {
            SubscriptionEventType.Purchase => $"purchase of {r.Quantity} {r.Title}",
            SubscriptionEventType.SetQuantity => $"seats of {r.Title} {r.QuantityBefore} → {r.Quantity}",
            _ => $"{r.Type} {r.Title}",
        };
        var decided = r.State switch
        {
            PortalRequestState.Pending => "",
            PortalRequestState.Approved => $"; approved by {r.DecidedBy}, subscription {r.ResultSubscriptionId}",
            PortalRequestState.Declined or PortalRequestState.Refused => $"; {r.State.ToString().ToLowerInvariant()}: {r.Outcome}",
            _ => $"; {r.State.ToString().ToLowerInvariant()}",
        };
        return $"{r.Id} {r.State.ToString().ToLowerInvariant()} {customer}: {what}, +{Prorata.Domain.Money.Currency.Format(r.Amount, r.Currency)} {r.Currency} "
            + $"on the next invoice, asked by {r.RequestedBy} at {r.RequestedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC ({r.Reason}){decided}";
    }

    private static bool TryState(string text, out PortalRequestState? state)
    {
        state = null;
        if (text.Equals("all", StringComparison.OrdinalIgnoreCase)) return true;
        if (!char.IsAsciiLetter(text.FirstOrDefault()) || !Enum.TryParse<PortalRequestState>(text, ignoreCase: true, out var parsed)) return false;
        state = parsed;
        return true;
    }
}
