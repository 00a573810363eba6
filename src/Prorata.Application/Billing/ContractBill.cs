using Prorata.Application.WorkItems;
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
}
