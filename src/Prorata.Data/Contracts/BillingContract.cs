using Prorata.Domain.Receivables;
using Prorata.Data.Customers;
using Prorata.Data.LegalEntities;
using Prorata.Domain.Contracts;

namespace Prorata.Data.Contracts;

/// <summary>The terms under which a customer is invoiced in one currency (billing-rules §4).</summary>
public sealed class BillingContract
{
    public Guid Id { get; set; }

    public Guid CustomerId { get; set; }

    public Customer? Customer { get; set; }

    /// <summary>ISO 4217 code; every charge of the contract is in this currency.</summary>
    public required string Currency { get; set; }

    /// <summary>Day of month (1..28) on which contract months start and invoices are dated.</summary>
    public int BillingDay { get; set; }

    public InvoiceCadence InvoiceCadence { get; set; }

    /// <summary>
    /// When the contract starts: its first invoice is dated the first billing day on or after it, and a quarterly or annual
    /// cadence counts from that invoice (billing-rules §5). Null: from the day of its first subscription's first change.
    /// </summary>
    public DateOnly? StartDate { get; set; }

    public int PaymentTermsDays { get; set; }

    public RefundPolicy RefundPolicy { get; set; }

    public ContractAlignment Alignment { get; set; }

    /// <summary>The partner's legal entity that issues the invoices.</summary>
    public Guid LegalEntityId { get; set; }

    public LegalEntity? LegalEntity { get; set; }

    public List<ContractPricingRule> PricingRules { get; set; } = [];

    /// <summary>Collect each invoice from the customer's saved payment method as soon as it is issued.</summary>
    public bool AutoCharge { get; set; }

    /// <summary>Days after the due date a reminder goes out, comma-separated in order ("1,7,14"); empty: none.</summary>
    public string DunningRemindAfterDays { get; set; } = "";

    /// <summary>Days after the due date an unpaid invoice puts the customer on credit hold; null: never.</summary>
    public int? DunningHoldAfterDays { get; set; }

    public DunningPolicy Dunning => PolicyOf(DunningRemindAfterDays, DunningHoldAfterDays);

    /// <summary>The policy the two stored columns describe, for queries that read the columns without the contract.</summary>
    public static DunningPolicy PolicyOf(string remindAfterDays, int? holdAfterDays) => DunningPolicy.Of(
        remindAfterDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse), holdAfterDays);

    /// <summary>
    /// The salesperson who sells the contract today (billing-rules §5, "Commissions"); null: nobody. Set with its history
    /// (<c>ContractSalespeople</c>), which says who sold it on each invoice's date.
    /// </summary>
    public Guid? SalespersonId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Raised by every update; an update that carries an older version is a conflict.</summary>
    public int Version { get; set; }
}
