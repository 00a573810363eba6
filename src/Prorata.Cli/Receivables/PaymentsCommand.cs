using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Prorata.Application;
using Prorata.Application.Outbox;
using Prorata.Application.Receivables;
using Prorata.Application.Receivables.Views;
using Prorata.Data;
using Prorata.Data.Customers;
using Prorata.Data.Receivables;
using Prorata.Domain.Contracts;

namespace Prorata.Cli.Receivables;

/// <summary>
/// `payments record|list|reverse …`: the payments Finance records, with the same rules as the API (a payment settles the
/// oldest open invoices, or the one it names, and the rest is credit; a reversal takes it back and reopens what it paid).
/// Exit 0 when done, 1 when refused (an unknown payment, one already reversed), 2 on bad arguments or a field the rules
/// refuse, with the field's message; nothing is recorded then.
/// </summary>
public static class PaymentsCommand
{
    private const string Usage = """
        usage: prorata payments record --customer ID|NAME --amount 100.00 --currency EUR --reference TEXT [--method bankTransfer|cheque|cash|other]
                                       [--received yyyy-MM-dd] [--invoice ID|NUMBER]
               prorata payments list [--customer ID|NAME] [--from yyyy-MM-dd] [--to yyyy-MM-dd]
               prorata payments reverse PAYMENT-ID --reason recordedByMistake|failed|chargedBack [--note TEXT]
               (each also takes --connection STRING; record and reverse take --as NAME, who the record names; default: $USER)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        (string[] Options, int Values) shape = args.FirstOrDefault() switch
        {
            "record" => (["customer", "amount", "currency", "reference", "method", "received", "invoice", "as"], 0),
            "list" => (["customer", "from", "to"], 0),
            "reverse" => (["reason", "note", "as"], 1),
            _ => ([], -1),
        };
        if (shape.Values < 0)
        {
            error.WriteLine(args.Length == 0 ? "payments needs record, list or reverse" : $"unknown verb '{args[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        var arguments = CommandArguments.Parse(args[1..], shape.Options, [], error, Usage);
        if (arguments is null) return 2;
        if (arguments.Values.Count != shape.Values)
        {
            error.WriteLine(shape.Values == 1 ? $"{args[0]} needs one payment id" : $"unknown argument '{arguments.Values[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, "usage: prorata payments …", error, cancellationToken);
        if (db is null) return 2;
        return args[0] switch
        {
            "record" => await RecordAsync(db, arguments, output, error, time, cancellationToken),
            "list" => await ListAsync(db, arguments, output, error, cancellationToken),
            _ => await ReverseAsync(db, arguments, output, error, time, cancellationToken),
        };
    }

    private static async Task<int> RecordAsync(ProrataDbContext db, CommandArguments arguments, TextWriter output, TextWriter error, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (arguments["customer"] is not { } customerText)
        {
            error.WriteLine("--customer is required: the customer's id or name.");
            return 2;
        }
        decimal? amount = null;
        if (arguments["amount"] is { } amountText)
        {
            if (!decimal.TryParse(amountText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            {
                error.WriteLine($"amount must be a number such as 100.00; got '{amountText}'.");
                return 2;
            }
            amount = parsed;
        }
        var (received, receivedValid) = arguments.Date("received", error);
        if (!receivedValid) return 2;
        var customer = await CustomerLookup.FindAsync(db, customerText, error, cancellationToken);
        if (customer is null) return 2;
        Guid? invoiceId = null;
        if (arguments["invoice"] is { } invoiceText)
        {
            invoiceId = await InvoiceIdAsync(db, customer, invoiceText, cancellationToken);
            if (invoiceId is null)
            {
                error.WriteLine($"--invoice: '{invoiceText}' is the number of no single invoice of {customer.Name}; pass the invoice's id or its number as printed (INV-000001).");
                return 2;
            }
        }

        var draft = new PaymentDraft(amount, arguments["currency"], received is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            arguments["method"], arguments["reference"], invoiceId);
        var result = await new CustomerPayments(db, time, new OutboxSignal()).RecordAsync(customer.Id, draft, arguments.Actor, cancellationToken);
        if (result.Outcome == SaveOutcome.Invalid)
        {
            foreach (var message in result.Errors.Values.SelectMany(m => m)) error.WriteLine(message);
            return 2;
        }
        if (result.Entity is not { } payment)
        {
            error.WriteLine(result.Message);
            return 1;
        }
        output.WriteLine($"recorded {Line(payment, customer.Name)}");
        var allocations = (await new ReceivablesViews(db).AllocationsOfAsync([payment.Id], cancellationToken))[payment.Id].ToList();
        var invoices = await InvoicesAsync(db, allocations.Select(a => a.InvoiceId), cancellationToken);
        // Allocated at one moment, in the order of the invoices' numbers.
        foreach (var allocation in allocations.OrderBy(a => invoices[a.InvoiceId].Number, StringComparer.Ordinal))
        {
            var invoice = invoices[allocation.InvoiceId];
            output.WriteLine($"  {invoice.Number}: {MoneyText.Amount(allocation.Amount, payment.Currency)} ({MoneyText.Amount(invoice.Balance, payment.Currency)} still open)");
        }
        if (payment.Amount - allocations.Sum(a => a.Amount) is > 0 and var credit)
            output.WriteLine($"  to credit: {MoneyText.Amount(credit, payment.Currency)}");
        return 0;
    }

    private static async Task<int> ListAsync(ProrataDbContext db, CommandArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (from, fromValid) = arguments.Date("from", error);
        var (to, toValid) = arguments.Date("to", error);
        if (!fromValid || !toValid) return 2;
        Customer? customer = null;
        if (arguments["customer"] is { } customerText && (customer = await CustomerLookup.FindAsync(db, customerText, error, cancellationToken)) is null) return 2;
        var payments = await new ReceivablesViews(db).PaymentsAsync(customer?.Id, from, to, cancellationToken);
        var ids = payments.Select(p => p.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        output.WriteLine($"{payments.Count} payment(s)");
        foreach (var payment in payments) output.WriteLine(Line(payment, names[payment.CustomerId]));
        return 0;
    }

    private static async Task<int> ReverseAsync(ProrataDbContext db, CommandArguments arguments, TextWriter output, TextWriter error, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(arguments.Values[0], out var paymentId))
        {
            error.WriteLine($"the payment id must be a GUID, as `prorata payments list` prints it; got '{arguments.Values[0]}'.");
            return 2;
        }
        if (arguments["reason"] is not { } reasonText)
        {
            error.WriteLine($"--reason is required: one of {EnumText.Names<PaymentReversalReason>()}.");
            return 2;
        }
        var errors = new ValidationErrors();
        var reason = EnumText.Parse(reasonText, default(PaymentReversalReason), "reason", errors);
        if (!errors.IsValid)
        {
            foreach (var message in errors.ToDictionary().Values.SelectMany(m => m)) error.WriteLine(message);
            return 2;
        }
        var paid = (await new ReceivablesViews(db).AllocationsOfAsync([paymentId], cancellationToken))[paymentId].Select(a => a.InvoiceId).Distinct().ToList();
        var result = await new CustomerPayments(db, time, new OutboxSignal()).ReverseAsync(paymentId, reason, arguments["note"], arguments.Actor, cancellationToken);
        if (result.Outcome == SaveOutcome.Invalid)
        {
            foreach (var message in result.Errors.Values.SelectMany(m => m)) error.WriteLine(message);
            return 2;
        }
        if (result.Entity is not { } payment)
        {
            error.WriteLine(result.Message);
            return 1;
        }
        var name = await db.Customers.AsNoTracking().Where(c => c.Id == payment.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        output.WriteLine($"reversed {Line(payment, name)}");
        foreach (var invoice in (await InvoicesAsync(db, paid, cancellationToken)).Values.OrderBy(i => i.Number, StringComparer.Ordinal))
            output.WriteLine($"  {invoice.Number}: {MoneyText.Amount(invoice.Balance, payment.Currency)} open");
        return 0;
    }

    /// <summary>"2026-03-14 {id} Fabrikam GmbH: 100.00 EUR bankTransfer "wire 4471"", with the provider and the reversal when there are.</summary>
    private static string Line(Payment payment, string customerName)
    {
        var provider = payment.Provider == PaymentProvider.Manual ? "" : $" via {EnumText.ToWire(payment.Provider)}";
        var reversed = payment.Reversal is { } r ? $", reversed {MoneyText.Date(r.ReversedAt)} ({EnumText.ToWire(r.Reason)})" : "";
        return $"{MoneyText.Date(payment.ReceivedAt)} {payment.Id} {customerName}: {MoneyText.Amount(payment.Amount, payment.Currency)} {payment.Currency} "
            + $"{EnumText.ToWire(payment.Method)}{provider} \"{payment.Reference}\"{reversed}";
    }

    /// <summary>The invoice an --invoice names: its id, or its number as printed (INV-000001) among the customer's invoices; null when none or several.</summary>
    private static async Task<Guid?> InvoiceIdAsync(ProrataDbContext db, Customer customer, string text, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(text, out var id)) return id;
        var digits = text.Trim().Reverse().TakeWhile(char.IsAsciiDigit).Count();
        if (digits == 0 || !long.TryParse(text.Trim()[^digits..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return null;
        var candidates = await (
                from i in db.Invoices.AsNoTracking()
                join c in db.BillingContracts.AsNoTracking() on i.ContractId equals c.Id
                where c.CustomerId == customer.Id && i.Number == number
                select i)
            .ToListAsync(cancellationToken);
        // Two entities of the customer may share a prefix: then only the id says which invoice.
        var named = candidates.Where(i => string.Equals(i.DisplayNumber, text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return named.Count == 1 ? named[0].Id : null;
    }

    private static async Task<Dictionary<Guid, (string Number, decimal Balance)>> InvoicesAsync(ProrataDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var invoices = await (
                from i in db.Invoices.AsNoTracking()
                join r in db.InvoiceReceivables.AsNoTracking() on i.Id equals r.InvoiceId
                where wanted.Contains(i.Id)
                select new { i, r.Balance })
            .ToListAsync(cancellationToken);
        return invoices.ToDictionary(x => x.i.Id, x => (x.i.DisplayNumber ?? x.i.Id.ToString(), x.Balance));
    }
}
