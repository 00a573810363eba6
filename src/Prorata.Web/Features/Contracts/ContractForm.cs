using Prorata.Data.Contracts;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Contracts;

/// <summary>The contract form's fields; property names match the API's field names so refusals land next to their field.</summary>
public sealed class ContractForm
{
    // Static rendering cannot add rows in the browser, so the form always offers a few empty ones.
    public const int BlankRules = 3;

    public string? CustomerId { get; set; }

    public string? Currency { get; set; }

    /// <summary>Ticked: the contract is billed in another currency than the customer's on purpose.</summary>
    public bool ConfirmCurrency { get; set; }

    public int? BillingDay { get; set; } = 1;

    public string? InvoiceCadence { get; set; } = EnumText.ToWire(Domain.Contracts.InvoiceCadence.Monthly);

    public int? PaymentTermsDays { get; set; } = BillingContractRules.DefaultPaymentTermsDays;

    public DateOnly? StartDate { get; set; }

    public string? RefundPolicy { get; set; } = EnumText.ToWire(Domain.Contracts.RefundPolicy.Prorated);

    public string? Alignment { get; set; } = EnumText.ToWire(ContractAlignment.Contract);

    public string? LegalEntityId { get; set; }

    public List<PricingRuleForm> PricingRules { get; set; } = [];

    public int Version { get; set; }

    public static ContractForm From(BillingContract c) => new()
    {
        CustomerId = c.CustomerId.ToString(),
        Currency = c.Currency,
        BillingDay = c.BillingDay,
        InvoiceCadence = EnumText.ToWire(c.InvoiceCadence),
        PaymentTermsDays = c.PaymentTermsDays,
        StartDate = c.StartDate,
        RefundPolicy = EnumText.ToWire(c.RefundPolicy),
        Alignment = EnumText.ToWire(c.Alignment),
        LegalEntityId = c.LegalEntityId.ToString(),
        PricingRules = c.PricingRules.OrderBy(r => r.Position)
            .Select(r => new PricingRuleForm { ProductId = r.ProductId, SkuId = r.SkuId, Method = EnumText.ToWire(r.Method), Value = PricingRuleForm.Text(r.Value) })
            .ToList(),
        Version = c.Version,
    };

    public void PadWithBlankRules()
    {
        // Form binding leaves the list null when a post carries no rule fields at all.
        PricingRules ??= [];
        while (PricingRules.Count(r => r.IsBlank) < BlankRules)
        {
            PricingRules.Add(new PricingRuleForm());
        }
    }

    /// <summary>Blank rows are dropped first, and the rest keep their numbering so refusals point at the right row.</summary>
    public BillingContractDraft ToDraft()
    {
        PricingRules ??= [];
        PricingRules.RemoveAll(r => r.IsBlank);
        return new BillingContractDraft(
            Guid.TryParse(CustomerId, out var id) ? id : null,
            Currency, BillingDay, InvoiceCadence, PaymentTermsDays, RefundPolicy, Alignment, null,
            PricingRules.Select(r => r.ToDraft()).ToList(), StartDate, Guid.TryParse(LegalEntityId, out var entity) ? entity : null);
    }
}
