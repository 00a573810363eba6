namespace Prorata.Domain.Receivables;

/// <summary>
/// Dunning as a daily job does it (billing-rules §5): for each invoice with a balance, the latest reminder step whose
/// moment has come and that was not sent yet (after a pause only the latest, never a burst of the ones missed); for each
/// customer, credit hold while an invoice is unpaid past its hold day, lifted when none is.
/// </summary>
public static class DunningRules
{
    public static IReadOnlyList<DunningAction> Evaluate(IEnumerable<OpenReceivable> open, IReadOnlySet<string> onDunningHold, DateTimeOffset now)
    {
        var actions = new List<DunningAction>();
        var causes = new Dictionary<string, ReceivableInvoice>(StringComparer.Ordinal);
        foreach (var receivable in open)
        {
            if (receivable.Balance <= 0) continue;
            var invoice = receivable.Invoice;
            (int Days, DateTimeOffset At)? due = null;
            foreach (var step in invoice.Dunning.Reminders(invoice.Due))
                if (step.At <= now && step.Days > (receivable.LastReminderDays ?? -1)) due = step;
            if (due is { } reminder) actions.Add(new DunningAction(reminder.At, invoice.CustomerId, DunningActionKind.Reminder, invoice.Key, reminder.Days));
            if (invoice.Dunning.HoldFrom(invoice.Due) <= now
                && (!causes.TryGetValue(invoice.CustomerId, out var cause) || (invoice.Due, invoice.Date) .CompareTo((cause.Due, cause.Date)) < 0))
                causes[invoice.CustomerId] = invoice;
        }
        foreach (var (customer, cause) in causes)
            if (!onDunningHold.Contains(customer)) actions.Add(new DunningAction(now, customer, DunningActionKind.CreditHold, cause.Key));
        foreach (var customer in onDunningHold)
            if (!causes.ContainsKey(customer)) actions.Add(new DunningAction(now, customer, DunningActionKind.HoldLifted, null));
        return actions;
    }
}
