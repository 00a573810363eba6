using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Prorata.Data.Outbox;
using Prorata.Data.Receivables;

namespace Prorata.Bench;

/// <summary>
/// Checks Prorata's records against Stripe's (the simulator's <c>/_sim/payment_intents</c>, every PaymentIntent with the
/// idempotency key it was made under): each invoice has exactly one PaymentIntent for attempt 1, made under the attempt's
/// key, and exactly one succeeded; exactly one Payment, whose provider id is that succeeded PaymentIntent and whose
/// amount is what Stripe took; no Payment without a succeeded PaymentIntent; every receivable's balance 0.
/// </summary>
public static class ChargeVerification
{
    public sealed record Figures(int Invoices, int PaymentIntents, int ChargedOnce, int ChargedTwiceOrMore, int NotCharged, int FirstAttemptNotOnce,
        int WrongKey, int Payments, int PaymentsMatching, int PaymentsWithoutIntent, int InvoicesWithoutOnePayment, int OpenBalances, int OutboxNotDelivered)
    {
        public bool ExactlyOnce => ChargedOnce == Invoices && ChargedTwiceOrMore == 0 && NotCharged == 0 && FirstAttemptNotOnce == 0 && WrongKey == 0
            && PaymentsMatching == Invoices && Payments == Invoices && PaymentsWithoutIntent == 0 && InvoicesWithoutOnePayment == 0 && OpenBalances == 0;
    }

    public static async Task<Figures> VerifyAsync(string connectionString, Uri stripe, IReadOnlyCollection<Guid> invoices, CancellationToken ct)
    {
        using var admin = new HttpClient { BaseAddress = stripe };
        var intents = (await admin.GetFromJsonAsync<JsonArray>("_sim/payment_intents", ct))!.Select(node => new
        {
            Id = (string)node!["id"]!,
            Status = (string)node["status"]!,
            AmountReceived = (long)node["amount_received"]!,
            Invoice = (string?)node["metadata"]?["prorata_invoice"],
            Attempt = (string?)node["metadata"]?["prorata_attempt"],
            Key = (string?)node["idempotency_key"],
        }).ToList();
        await using var db = ReceivablesSeed.Open(connectionString);
        var payments = await db.Payments.AsNoTracking().Where(p => p.Reversal == null).ToListAsync(ct);
        var balances = await db.InvoiceReceivables.AsNoTracking().Select(r => new { r.InvoiceId, r.Balance }).ToDictionaryAsync(r => r.InvoiceId, r => r.Balance, ct);
        var outboxLeft = await db.Outbox.CountAsync(m => m.Topic == OutboxTopic.AutoCharge && m.State != OutboxState.Delivered, ct);

        var intentsByInvoice = intents.ToLookup(i => i.Invoice);
        var succeeded = intents.Where(i => i.Status == "succeeded").ToDictionary(i => i.Id);
        var paymentsByInvoice = payments.ToLookup(p => p.InvoiceId);
        var (once, twice, none, firstNotOnce, wrongKey, matching, withoutOnePayment, open) = (0, 0, 0, 0, 0, 0, 0, 0);
        foreach (var invoice in invoices)
        {
            var made = intentsByInvoice[invoice.ToString()].ToList();
            var took = made.Count(i => i.Status == "succeeded");
            if (took == 1) once++;
            else if (took == 0) none++;
            else twice++;
            var first = made.Where(i => i.Attempt == "1").ToList();
            if (first.Count != 1) firstNotOnce++;
            if (first.Any(i => i.Key != $"prorata-invoice-{invoice:N}-attempt-1")) wrongKey++;
            var recorded = paymentsByInvoice[invoice].ToList();
            if (recorded.Count != 1) withoutOnePayment++;
            if (recorded is [var payment] && payment.Provider == PaymentProvider.Stripe && payment.ProviderPaymentId is { } pi
                && succeeded.TryGetValue(pi, out var intent) && intent.Invoice == invoice.ToString() && intent.AmountReceived == (long)(payment.Amount * 100))
                matching++;
            if (balances.GetValueOrDefault(invoice, -1m) != 0) open++;
        }
        var orphans = payments.Count(p => p.ProviderPaymentId is not { } pi || !succeeded.ContainsKey(pi));
        return new Figures(invoices.Count, intents.Count, once, twice, none, firstNotOnce, wrongKey, payments.Count, matching, orphans, withoutOnePayment, open, outboxLeft);
    }

    public static void Print(Figures f)
    {
        Console.WriteLine($"Stripe: {f.PaymentIntents:N0} PaymentIntents for {f.Invoices:N0} invoices; charged once {f.ChargedOnce:N0}, twice or more {f.ChargedTwiceOrMore:N0}, " +
            $"not charged {f.NotCharged:N0}; attempt 1 not exactly one PaymentIntent {f.FirstAttemptNotOnce:N0}, under another key {f.WrongKey:N0}");
        Console.WriteLine($"Prorata: {f.Payments:N0} payments, {f.PaymentsMatching:N0} matching a succeeded PaymentIntent (id, invoice, amount), {f.PaymentsWithoutIntent:N0} without one; " +
            $"invoices without exactly one payment {f.InvoicesWithoutOnePayment:N0}; balances not 0 {f.OpenBalances:N0}; auto-charge messages not delivered {f.OutboxNotDelivered:N0}");
        Console.WriteLine($"exactly once: {(f.ExactlyOnce ? "yes" : "no")}");
    }
}
