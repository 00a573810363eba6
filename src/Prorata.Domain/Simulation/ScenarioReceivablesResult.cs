namespace Prorata.Domain.Simulation;

/// <summary>
/// The receivables half of a simulation's output (docs/scenarios.md, "Payments"): each invoice's status as of billUntil,
/// each payment with its allocations, each customer's open and credit balance per currency, and dunning's actions.
/// </summary>
public sealed record ScenarioReceivablesResult(
    IReadOnlyList<ScenarioReceivable> Invoices,
    IReadOnlyList<ScenarioPaymentResult> Payments,
    IReadOnlyList<ScenarioCustomerBalance> Balances,
    IReadOnlyList<ScenarioDunningAction> Dunning,
    IReadOnlyList<Rejection> Rejected)
{
    public static readonly ScenarioReceivablesResult Empty = new([], [], [], [], []);

    internal static ScenarioReceivablesResult Of(ScenarioReceivables played, Scenario scenario)
    {
        var ledger = played.Ledger;
        var invoices = ledger.Invoices.Select(i => new ScenarioReceivable(i.ContractId, i.Date, i.Total, ledger.Paid(i.Key), ledger.Balance(i.Key),
            ledger.Status(i.Key, scenario.BillUntil))).ToList();
        var payments = played.Payments.Select(p => new ScenarioPaymentResult(played.PaymentEvents[p.Payment.Key],
            p.Allocations.Select(a => (ledger.Invoice(a.Invoice).ContractId, ledger.Invoice(a.Invoice).Date, a.Amount)).ToList(), p.ToCredit)).ToList();
        var balances = ledger.Invoices.Select(i => (i.CustomerId, i.Currency)).Distinct()
            .Select(c => new ScenarioCustomerBalance(c.CustomerId, c.Currency, ledger.OpenBalance(c.CustomerId, c.Currency), ledger.CreditBalance(c.CustomerId, c.Currency)))
            .ToList();
        var dunning = played.Actions.Select(a => new ScenarioDunningAction(a.At, a.CustomerId, a.Kind,
            a.Invoice is { } key ? ledger.Invoice(key).ContractId : null, a.Invoice is { } on ? ledger.Invoice(on).Date : null)).ToList();
        return new ScenarioReceivablesResult(invoices, payments, balances, dunning, played.Rejected);
    }
}
