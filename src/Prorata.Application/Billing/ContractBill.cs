using Prorata.Application.WorkItems;
using Prorata.Data.Invoices;
using StoredContract = Prorata.Data.Contracts.BillingContract;

namespace Prorata.Application.Billing;

/// <summary>
/// One contract's outcome in a billing run: its invoice (null when the engine could not bill it at all) and what a
/// person must look at — billing alerts, log entries the replay could not apply, the failure that stopped it.
/// </summary>
public sealed record ContractBill(StoredContract Contract, Domain.Billing.Invoice? Invoice, IReadOnlyList<WorkItemDraft> Problems)
{
    /// <summary>The invoice with its tax from the rate table (an Avalara entity's is replaced when the outbox issues it).</summary>
    public Domain.Tax.TaxedInvoice? Taxed { get; init; }

    /// <summary>Finance's unbilled one-off charges and credits, billed after the engine's lines.</summary>
    public IReadOnlyList<BilledCharge> Charges { get; init; } = [];

    /// <summary>Whether there is anything to invoice: the engine's lines or a one-off charge.</summary>
    public bool HasLines => Invoice is not null && (Invoice.Lines.Count > 0 || Charges.Count > 0);

    public decimal Subtotal => Taxed!.Subtotal + Charges.Sum(c => c.Charge.Amount);

    public decimal TaxTotal => Taxed!.TaxTotal + Charges.Sum(c => c.Tax);

    public decimal Total => Subtotal + TaxTotal;
}

/// <summary>A one-off charge as its invoice line bills it: under its subscription's product and SKU, taxed as the engine's lines are.</summary>
public sealed record BilledCharge(OneOffCharge Charge, string ProductId, string SkuId, decimal Tax);
