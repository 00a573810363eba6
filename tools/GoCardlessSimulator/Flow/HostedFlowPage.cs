using System.Net;
using System.Numerics;
using System.Text;
using GoCardlessSimulator.Api;
using GoCardlessSimulator.State;

namespace GoCardlessSimulator.Flow;

/// <summary>
/// The page a billing request flow's authorisation_url opens, in place of GoCardless's hosted pages: a form for the account
/// holder's name and either an IBAN or a UK sort code and account number (ids and labels: account_holder_name "Account holder
/// name", iban "IBAN", branch_code "Sort code", account_number "Account number", button #confirm, link #exit to exit_uri).
/// Submitting it fulfils the billing request (customer, bank account, mandate, events) and answers 303 to redirect_uri.
/// </summary>
public static class HostedFlowPage
{
    public static void MapHostedFlowPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/flow/{id}", (string id, SimStore store) =>
        {
            var (flow, status) = Find(store, id);
            return flow is null ? NotFound(id) : Page(flow, status, null, null, StatusCodes.Status200OK);
        });

        app.MapPost("/flow/{id}", async (string id, HttpRequest http, SimStore store) =>
        {
            var (flow, status) = Find(store, id);
            if (flow is null)
            {
                return NotFound(id);
            }
            if (status != "pending")
            {
                return Page(flow, status, null, null, StatusCodes.Status409Conflict);
            }
            var form = await http.ReadFormAsync(http.HttpContext.RequestAborted);
            var holder = form["account_holder_name"].ToString().Trim();
            var iban = form["iban"].ToString().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var sortCode = new string(form["branch_code"].ToString().Where(char.IsDigit).ToArray());
            var accountNumber = new string(form["account_number"].ToString().Where(char.IsDigit).ToArray());
            string? error = null;
            string country = "GB", ending = "";
            if (holder.Length == 0)
            {
                error = "Enter the account holder's name.";
            }
            else if (iban.Length > 0)
            {
                if (!ValidIban(iban)) error = "Enter a valid IBAN.";
                else (country, ending) = (iban[..2], iban[^2..]);
            }
            else if (sortCode.Length != 6 || accountNumber.Length is < 6 or > 8)
            {
                error = "Enter an IBAN, or a 6-digit sort code and an account number of 6 to 8 digits.";
            }
            else
            {
                ending = accountNumber[^2..];
            }
            if (error is not null)
            {
                return Page(flow, status, error, holder, StatusCodes.Status422UnprocessableEntity);
            }
            store.FulfilFlow(flow.Id, holder, country, ending, Outcome(ending));
            return flow.RedirectUri is { } redirect ? new SeeOther(redirect) : Page(flow, "fulfilled", null, null, StatusCodes.Status200OK);
        });
    }

    /// <summary>The documented test accounts: the last two digits decide (22 payments fail, 33 charged back, 44 mandate fails).</summary>
    public static TestAccountOutcome Outcome(string ending) => ending switch
    {
        "22" => TestAccountOutcome.PaymentsFail,
        "33" => TestAccountOutcome.ChargesBack,
        "44" => TestAccountOutcome.MandateFails,
        _ => TestAccountOutcome.Pays,
    };

    private static (SimFlow? Flow, string Status) Find(SimStore store, string id) => store.Read(s =>
    {
        try
        {
            var flow = s.Flow(id);
            return ((SimFlow?)flow, s.BillingRequest(flow.BillingRequestId).Status);
        }
        catch (ApiRefusal)
        {
            return (null, "");
        }
    });

    // ISO 13616: move the first four characters to the end, letters to numbers (A=10), the whole mod 97 must be 1.
    private static bool ValidIban(string iban)
    {
        if (iban.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1]) || !iban.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }
        var digits = new StringBuilder();
        foreach (var c in iban[4..] + iban[..4])
        {
            digits.Append(char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return BigInteger.Parse(digits.ToString(), System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }

    private static IResult NotFound(string id) =>
        Results.Content($"<!doctype html><title>Not found</title><p>No flow {WebUtility.HtmlEncode(id)}.</p>", "text/html", Encoding.UTF8, StatusCodes.Status404NotFound);

    private static IResult Page(SimFlow flow, string status, string? error, string? holder, int statusCode)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Set up a Direct Debit</title></head><body>")
            .Append("<h1>Set up a Direct Debit</h1>")
            .Append($"<p id=\"payer\">{E(flow.PrefilledCompanyName)} &lt;{E(flow.PrefilledEmail)}&gt;</p>");
        if (status != "pending")
        {
            html.Append($"<p id=\"status\">This Direct Debit set-up is {E(status)}.</p>");
        }
        else
        {
            if (error is not null) html.Append($"<p id=\"error\" role=\"alert\">{E(error)}</p>");
            html.Append($"<form method=\"post\" action=\"/flow/{E(flow.Id)}\">")
                .Append($"<p><label for=\"account_holder_name\">Account holder name</label> <input id=\"account_holder_name\" name=\"account_holder_name\" value=\"{E(holder)}\" autocomplete=\"name\"></p>")
                .Append("<p><label for=\"iban\">IBAN</label> <input id=\"iban\" name=\"iban\"></p>")
                .Append("<p>or, for a UK account:</p>")
                .Append("<p><label for=\"branch_code\">Sort code</label> <input id=\"branch_code\" name=\"branch_code\" inputmode=\"numeric\"></p>")
                .Append("<p><label for=\"account_number\">Account number</label> <input id=\"account_number\" name=\"account_number\" inputmode=\"numeric\"></p>")
                .Append("<p><button id=\"confirm\" type=\"submit\">Set up Direct Debit</button></p></form>");
        }
        if (flow.ExitUri is { } exit) html.Append($"<p><a id=\"exit\" href=\"{E(exit)}\">Cancel and go back</a></p>");
        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html", Encoding.UTF8, statusCode);
    }
}
