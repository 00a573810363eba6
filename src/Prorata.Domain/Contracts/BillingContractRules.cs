using Prorata.Domain.Catalog;
using Prorata.Domain.Money;

namespace Prorata.Domain.Contracts;

/// <summary>
/// The one place where a billing contract's fields are checked; the API and the web forms both call it, so a
/// refusal reads the same everywhere.
/// </summary>
public static class BillingContractRules
{
    // Billing days stop at 28 so that every month has the day: no clamping of the contract month (billing-rules §4).
    public const int FirstBillingDay = 1;
    public const int LastBillingDay = 28;
    public const int MaxPaymentTermsDays = 365;
    public const int DefaultPaymentTermsDays = 30;
    public const int MaxLegalEntityNameLength = 200;
    // As the pricing-rule columns (100); products and subscriptions keep theirs at InputBounds.MaxIdLength (64).
    public const int MaxIdLength = 100;
    public const decimal MaxMarkupPercent = 1000m;

    /// <summary>The range a contract's start may take: a typo of a century is refused, not billed.</summary>
    public static readonly DateOnly EarliestStart = new(2000, 1, 1);
    public static readonly DateOnly LatestStart = new(2199, 12, 31);

    public static BillingContractTerms? Validate(BillingContractDraft draft, ValidationErrors errors)
    {
        if (draft.CustomerId is null || draft.CustomerId == Guid.Empty)
        {
            errors.Add("customerId", "customerId is required.");
        }

        Currency? currency = null;
        if (string.IsNullOrWhiteSpace(draft.Currency))
        {
            errors.Add("currency", "currency is required (an ISO 4217 code such as USD).");
        }
        else if (!Currency.TryFromCode(draft.Currency.Trim(), out var known))
        {
            errors.Add("currency", $"currency must be a known ISO 4217 code; got '{draft.Currency}'.");
        }
        else
        {
            currency = known;
        }

        if (draft.BillingDay is not { } billingDay)
        {
            errors.Add("billingDay", $"billingDay is required (between {FirstBillingDay} and {LastBillingDay}).");
        }
        else if (billingDay is < FirstBillingDay or > LastBillingDay)
        {
            errors.Add("billingDay", $"billingDay must be between {FirstBillingDay} and {LastBillingDay}; got {billingDay}.");
        }

        var cadence = EnumText.Parse(draft.InvoiceCadence, InvoiceCadence.Monthly, "invoiceCadence", errors);
        var refund = EnumText.Parse(draft.RefundPolicy, RefundPolicy.Prorated, "refundPolicy", errors);
        var alignment = EnumText.Parse(draft.Alignment, ContractAlignment.Contract, "alignment", errors);

        var paymentTerms = draft.PaymentTermsDays ?? DefaultPaymentTermsDays;
        if (paymentTerms is < 0 or > MaxPaymentTermsDays)
        {
            errors.Add("paymentTermsDays", $"paymentTermsDays must be between 0 and {MaxPaymentTermsDays}; got {paymentTerms}.");
        }

        if (draft.LegalEntityId is null && string.IsNullOrWhiteSpace(draft.LegalEntityName))
        {
            errors.Add("legalEntityId", "legalEntityId is required (the partner's legal entity that issues the invoices; legalEntityName may name it instead).");
        }
        if (draft.LegalEntityId == Guid.Empty)
        {
            errors.Add("legalEntityId", "legalEntityId must be a legal entity's id; got the empty id.");
        }
        var legalEntity = InputBounds.Text(draft.LegalEntityName, "legalEntityName", MaxLegalEntityNameLength, errors, required: false);

        var drafts = draft.PricingRules ?? [];
        if (drafts.Count > InputBounds.MaxPricingRules)
        {
            errors.Add("pricingRules", $"a contract has at most {InputBounds.MaxPricingRules} pricing rules; got {drafts.Count:N0}.");
            drafts = [];
        }
        var rules = ValidatePricingRules(drafts, errors);

        if (draft.StartDate is { } start && (start < EarliestStart || start > LatestStart))
        {
            errors.Add("startDate", $"startDate must be between {EarliestStart:yyyy-MM-dd} and {LatestStart:yyyy-MM-dd}; got {start:yyyy-MM-dd}.");
        }

        return errors.IsValid
            ? new BillingContractTerms(draft.CustomerId!.Value, currency!, draft.BillingDay!.Value, cadence, paymentTerms,
                refund, alignment, new LegalEntityReference(draft.LegalEntityId, legalEntity), rules, draft.StartDate)
            : null;
    }

    private static List<PricingRule> ValidatePricingRules(IReadOnlyList<PricingRuleDraft> drafts, ValidationErrors errors)
    {
        var rules = new List<PricingRule>(drafts.Count);
        var seen = new HashSet<(string, string?)>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var prefix = $"pricingRules[{i}]";
            var before = errors.IsValid;
            var productId = draft.ProductId?.Trim();
            var skuId = string.IsNullOrWhiteSpace(draft.SkuId) ? null : draft.SkuId.Trim();

            if (string.IsNullOrEmpty(productId))
            {
                errors.Add($"{prefix}.productId", $"productId is required ('{PricingRule.AnyProduct}' matches every product).");
            }
            else if (productId.Length > MaxIdLength)
            {
                errors.Add($"{prefix}.productId", $"productId must be at most {MaxIdLength} characters; got {productId.Length:N0}.");
            }
            else if (InputBounds.HasHiddenCharacters(productId))
            {
                errors.Add($"{prefix}.productId", $"productId must not contain control or invisible formatting characters; got '{InputBounds.Printable(productId)}'.");
            }
            else if (productId == PricingRule.AnyProduct && skuId is not null)
            {
                errors.Add($"{prefix}.skuId", $"skuId '{skuId}' needs a productId; '{PricingRule.AnyProduct}' matches every product.");
            }
            if (skuId is { Length: > MaxIdLength })
            {
                errors.Add($"{prefix}.skuId", $"skuId must be at most {MaxIdLength} characters; got {skuId.Length:N0}.");
            }
            else if (skuId is not null && InputBounds.HasHiddenCharacters(skuId))
            {
                errors.Add($"{prefix}.skuId", $"skuId must not contain control or invisible formatting characters; got '{InputBounds.Printable(skuId)}'.");
            }

            PricingMethod? method = null;
            if (string.IsNullOrWhiteSpace(draft.Method))
            {
                errors.Add($"{prefix}.method", $"method is required ({EnumText.Names<PricingMethod>()}).");
            }
            else
            {
                method = EnumText.Parse<PricingMethod>(draft.Method, default, $"{prefix}.method", errors);
            }

            if (draft.Value is not { } value)
            {
                errors.Add($"{prefix}.value", "value is required.");
            }
            else if (method is PricingMethod.MarkupOnCost && value is < 0 or > MaxMarkupPercent)
            {
                errors.Add($"{prefix}.value", $"a markup on cost must be between 0 and {MaxMarkupPercent} percent; got {value}.");
            }
            else if (method is PricingMethod.DiscountOffErp && value is < 0 or > 100)
            {
                errors.Add($"{prefix}.value", $"a discount off ERP must be between 0 and 100 percent; got {value}.");
            }
            else if (method is PricingMethod.FixedPrice && value is < 0 or > InputBounds.MaxAmount)
            {
                errors.Add($"{prefix}.value", $"a fixed price must be between 0 and {InputBounds.MaxAmount:N0}; got {value}.");
            }

            if (!string.IsNullOrEmpty(productId) && !seen.Add((productId, skuId)))
            {
                errors.Add($"{prefix}.productId", $"a rule for product '{productId}'{(skuId is null ? "" : $" and SKU '{skuId}'")} is already listed.");
            }

            if (before && errors.IsValid)
            {
                rules.Add(new PricingRule(productId!, skuId, method!.Value, draft.Value!.Value));
            }
        }
        return rules;
    }
}
