using System.Net;
using System.Text;
using StripeSimulator.Api;
using StripeSimulator.State;

namespace StripeSimulator.Hosted;

/// <summary>
/// The page a Checkout Session's url opens: <c>GET /checkout/{id}</c> shows one plain form per allowed type (card:
/// cardNumber, cardExpiry "MM / YY", cardCvc, billingName; SEPA: iban, accountHolder and the mandate text), each field with
/// a label and an id a browser test can fill. <c>POST /checkout/{id}</c> saves the method, completes the setup intent and
/// the session, sends setup_intent.succeeded and checkout.session.completed, and answers 303 to success_url with
/// {CHECKOUT_SESSION_ID} replaced; a refused card or IBAN shows the page again (200) with the reason in #error.
/// </summary>
public static class HostedCheckout
{
    public static void MapHostedCheckout(this IEndpointRouteBuilder app)
    {
        app.MapGet("/checkout/{id}", (string id, StripeStore store) =>
            store.Sessions.TryGetValue(id, out var session) ? Page(session, null, 200) : Missing());

        app.MapPost("/checkout/{id}", async (string id, HttpRequest request, StripeStore store, Payments payments) =>
        {
            if (!store.Sessions.TryGetValue(id, out var session)) return Missing();
            if (session.Status != "open") return Page(session, null, 409);
            var form = await request.ReadFormAsync();
            var method = form["method"].ToString();
            if (!session.PaymentMethodTypes.Contains(method)) return Page(session, "Choose a payment method this page offers.", 400);
            var refusal = method == "card"
                ? payments.SaveCard(session, form["cardNumber"].ToString(), form["cardExpiry"].ToString(), form["cardCvc"].ToString(), form["billingName"].ToString())
                : payments.SaveIban(session, form["iban"].ToString(), form["accountHolder"].ToString());
            if (refusal is not null) return Page(session, refusal, 200);
            return new SeeOther(session.SuccessUrl.Replace("{CHECKOUT_SESSION_ID}", session.Id, StringComparison.Ordinal));
        });
    }

    private static IResult Missing() => Results.Content(Html("Not found", "<p id=\"error\" role=\"alert\">This checkout session does not exist.</p>"), "text/html", Encoding.UTF8, 404);

    private static IResult Page(SimCheckoutSession session, string? error, int status)
    {
        var body = new StringBuilder();
        body.Append("<h1>Save a payment method</h1>");
        if (error is not null) body.Append($"<p id=\"error\" role=\"alert\">{Encode(error)}</p>");
        if (session.Status != "open")
        {
            body.Append($"<p id=\"status\">This checkout session is {Encode(session.Status)}.</p>");
            return Results.Content(Html("Checkout", body.ToString()), "text/html", Encoding.UTF8, status);
        }
        if (session.PaymentMethodTypes.Contains("card"))
        {
            body.Append($"""
                <form id="card-form" method="post" action="/checkout/{session.Id}">
                  <h2>Card</h2>
                  <input type="hidden" name="method" value="card">
                  <label for="cardNumber">Card number</label> <input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234"><br>
                  <label for="cardExpiry">Expiry (MM / YY)</label> <input id="cardExpiry" name="cardExpiry" autocomplete="cc-exp" placeholder="MM / YY"><br>
                  <label for="cardCvc">CVC</label> <input id="cardCvc" name="cardCvc" inputmode="numeric" autocomplete="cc-csc"><br>
                  <label for="billingName">Name on card</label> <input id="billingName" name="billingName" autocomplete="cc-name"><br>
                  <button id="submitCard" type="submit">Save card</button>
                </form>
                """);
        }
        if (session.PaymentMethodTypes.Contains("sepa_debit"))
        {
            body.Append($"""
                <form id="sepa-form" method="post" action="/checkout/{session.Id}">
                  <h2>SEPA Direct Debit</h2>
                  <input type="hidden" name="method" value="sepa_debit">
                  <label for="iban">IBAN</label> <input id="iban" name="iban" placeholder="DE00 0000 0000 0000 0000 00"><br>
                  <label for="accountHolder">Account holder</label> <input id="accountHolder" name="accountHolder" autocomplete="name"><br>
                  <p id="mandate">By providing your IBAN and confirming, you authorise the merchant and Stripe, its payment service provider, to send instructions to your bank to debit your account in accordance with those instructions.</p>
                  <button id="submitSepa" type="submit">Save bank account</button>
                </form>
                """);
        }
        if (session.CancelUrl is not null) body.Append($"<p><a id=\"cancel\" href=\"{Encode(session.CancelUrl)}\">Cancel</a></p>");
        return Results.Content(Html("Checkout", body.ToString()), "text/html", Encoding.UTF8, status);
    }

    private static string Html(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} (Stripe simulator)</title></head><body>{body}</body></html>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // 303 as Stripe answers a completed Checkout: the browser follows with a GET.
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
