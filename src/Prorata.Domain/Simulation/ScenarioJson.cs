using System.Text.Json;
using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Simulation;

/// <summary>Reads a scenario file (docs/scenarios.md), refusing a malformed one with the field named.</summary>
public static class ScenarioJson
{
    private static readonly Dictionary<string, TermDuration> Terms = new() { ["P1M"] = TermDuration.P1M, ["P1Y"] = TermDuration.P1Y, ["P3Y"] = TermDuration.P3Y };
    private static readonly Dictionary<string, BillingPlan> Plans = new() { ["monthly"] = BillingPlan.Monthly, ["annual"] = BillingPlan.Annual, ["triennial"] = BillingPlan.Triennial };
    private static readonly Dictionary<string, ProviderRounding> Roundings = new() { ["truncateLine"] = ProviderRounding.TruncateLine, ["truncateUnit"] = ProviderRounding.TruncateUnit };
    private static readonly Dictionary<string, ContractAlignment> Alignments = new() { ["contract"] = ContractAlignment.Contract, ["subscription"] = ContractAlignment.Subscription };
    private static readonly Dictionary<string, RefundPolicy> Refunds = new() { ["prorated"] = RefundPolicy.Prorated, ["none"] = RefundPolicy.None };
    private static readonly Dictionary<string, InvoiceCadence> Cadences = new() { ["monthly"] = InvoiceCadence.Monthly, ["quarterly"] = InvoiceCadence.Quarterly, ["annual"] = InvoiceCadence.Annual };
    private static readonly Dictionary<string, Publisher> Publishers = new() { ["microsoft"] = Publisher.Microsoft, ["partner"] = Publisher.Partner };
    private static readonly Dictionary<string, bool> EndDateAlignments = new() { ["calendarMonth"] = true, ["none"] = false };
    private static readonly Dictionary<string, SubscriptionEventType> EventTypes = Enum.GetValues<SubscriptionEventType>()
        .ToDictionary(t => JsonNamingPolicy.CamelCase.ConvertName(t.ToString()), t => t);

    public static Scenario Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ScenarioFormatException("$", $"is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new ScenarioFormatException("$", "must be a JSON object");
            return Read(new JsonField(document.RootElement, ""));
        }
    }

    private static Scenario Read(JsonField root)
    {
        var partner = root.Member("partner");
        var partnerCurrency = ReadCurrency(partner.Member("currency"), fallback: "USD");
        var rounding = partner.Member("providerRounding").OptionalWord(Roundings) ?? ProviderRounding.TruncateLine;
        var prices = root.Member("priceList").Items(required: false).Select(row => ReadRow(row, partnerCurrency)).ToList();

        var customers = new Dictionary<string, Currency>(StringComparer.Ordinal);
        foreach (var customer in root.Member("customers").Items(required: false))
        {
            var id = customer.Member("id").String();
            if (!customers.TryAdd(id, ReadCurrency(customer.Member("currency"), fallback: partnerCurrency.Code)))
                throw customer.Member("id").Error($"'{id}' is listed twice");
        }

        var salespeople = ScenarioInsightJson.ReadSalespeople(root);
        var contracts = new List<BillingContract>();
        var salespersonOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var contract in root.Member("contracts").Items())
        {
            contracts.Add(ReadContract(contract, customers, contracts));
            if (ScenarioInsightJson.ReadSalesperson(contract, salespeople) is { } salesperson) salespersonOf[contracts[^1].Id] = salesperson;
        }

        var events = new List<SubscriptionEvent>();
        var customerEvents = new List<object>();
        foreach (var (e, i) in root.Member("events").Items().Select((e, i) => (e, i)))
        {
            if (ScenarioReceivablesJson.IsReceivableEvent(e)) customerEvents.Add(ScenarioReceivablesJson.ReadEvent(e, i, customers.Keys));
            else events.Add(ReadEvent(e, i, contracts));
        }
        CheckSubscriptionIds(events, root.Member("events"));
        // The timeline is in time order; a stable sort keeps equal timestamps in file order.
        var ordered = events.OrderBy(e => e.At).ToList();

        return new Scenario(root.Member("name").OptionalString() ?? "", partnerCurrency, rounding, prices, contracts, ordered, root.Member("billUntil").Date())
        {
            Tax = ScenarioTaxJson.Read(root),
            Payments = customerEvents.OfType<ScenarioPayment>().OrderBy(p => p.At).ToList(),
            CreditHolds = customerEvents.OfType<ScenarioCreditHold>().OrderBy(h => h.At).ToList(),
            Salespeople = salespeople,
            SalespersonOf = salespersonOf,
        };
    }

    private static PriceListRow ReadRow(JsonField row, Currency partnerCurrency)
    {
        var publisher = row.Member("publisher").OptionalWord(Publishers) ?? Publisher.Microsoft;
        var partner = publisher == Publisher.Partner;
        var unitPrice = row.Member("unitPrice").Decimal();
        if (unitPrice < 0) throw row.Member("unitPrice").Error($"must be ≥ 0; got {unitPrice}");
        var erp = row.Member("erpPrice").OptionalDecimal();
        if (erp < 0) throw row.Member("erpPrice").Error($"must be ≥ 0; got {erp}");
        var term = partner ? row.Member("term").OptionalWord(Terms) ?? TermDuration.P1M : row.Member("term").Word(Terms);
        var plan = partner ? row.Member("billingPlan").OptionalWord(Plans) ?? BillingPlan.Monthly : row.Member("billingPlan").Word(Plans);
        if ((int)plan > (int)term) throw row.Member("billingPlan").Error($"a {term} term cannot be billed {plan.ToString().ToLowerInvariant()}");
        var from = row.Member("effectiveFrom").Date();
        var to = row.Member("effectiveTo").OptionalDate();
        if (to < from) throw row.Member("effectiveTo").Error($"is before effectiveFrom {from:yyyy-MM-dd}");
        var customerFrom = row.Member("customerPriceFrom").OptionalDate();
        if (customerFrom < from) throw row.Member("customerPriceFrom").Error($"is before effectiveFrom {from:yyyy-MM-dd}");
        return new PriceListRow(
            row.Member("productId").String(),
            partner ? row.Member("skuId").OptionalString() ?? "" : row.Member("skuId").String(),
            row.Member("title").OptionalString() ?? "",
            term, plan, unitPrice, erp,
            ReadCurrency(row.Member("currency"), fallback: partnerCurrency.Code).Code,
            from, to, publisher, customerFrom, ReadUpgradeTargets(row.Member("upgradesTo")));
    }

    /// <summary>The catalog's upgrade paths of a row; null when the field is absent (then any paid offer of the same term is eligible).</summary>
    private static List<UpgradeTarget>? ReadUpgradeTargets(JsonField field) =>
        field.IsMissing ? null : field.Items().Select(t => new UpgradeTarget(t.Member("productId").String(), t.Member("skuId").String())).ToList();

    private static BillingContract ReadContract(JsonField contract, Dictionary<string, Currency> customers, List<BillingContract> previous)
    {
        var id = contract.Member("id").String();
        if (previous.Any(c => c.Id == id)) throw contract.Member("id").Error($"'{id}' is listed twice");
        var customer = contract.Member("customer").String();
        if (!customers.TryGetValue(customer, out var customerCurrency))
            throw contract.Member("customer").Error($"'{customer}' is not one of the customers");
        var billingDay = contract.Member("billingDay").Int();
        if (billingDay is < 1 or > 28) throw contract.Member("billingDay").Error($"must be between 1 and 28; got {billingDay}");
        var currency = contract.Member("currency").IsMissing ? customerCurrency : ReadCurrency(contract.Member("currency"), fallback: customerCurrency.Code);
        var rules = new List<PricingRule>();
        foreach (var rule in contract.Member("pricing").Items(required: false))
            rules.Add(ReadRule(rule));
        var terms = contract.Member("paymentTermsDays").OptionalInt() ?? BillingContractRules.DefaultPaymentTermsDays;
        if (terms is < 0 or > BillingContractRules.MaxPaymentTermsDays)
            throw contract.Member("paymentTermsDays").Error($"must be between 0 and {BillingContractRules.MaxPaymentTermsDays}; got {terms}");
        return new BillingContract(id, customer, currency, billingDay,
            contract.Member("alignment").OptionalWord(Alignments) ?? ContractAlignment.Contract,
            contract.Member("refunds").OptionalWord(Refunds) ?? RefundPolicy.Prorated,
            rules)
        {
            Cadence = contract.Member("cadence").OptionalWord(Cadences) ?? InvoiceCadence.Monthly,
            StartDate = contract.Member("startDate").OptionalDate(),
            PaymentTermsDays = terms,
            Dunning = ScenarioReceivablesJson.ReadDunning(contract.Member("dunning")),
        };
    }

    private static PricingRule ReadRule(JsonField rule)
    {
        var methods = new (string Name, PricingMethod Method)[] { ("markupOnCost", PricingMethod.MarkupOnCost), ("discountOffErp", PricingMethod.DiscountOffErp), ("fixed", PricingMethod.FixedPrice) };
        var present = methods.Where(m => !rule.Member(m.Name).IsMissing).ToList();
        if (present.Count != 1) throw rule.Error("needs exactly one of markupOnCost, discountOffErp or fixed");
        var value = rule.Member(present[0].Name).Decimal();
        if (value < 0) throw rule.Member(present[0].Name).Error($"must be ≥ 0; got {value}");
        if (present[0].Method == PricingMethod.DiscountOffErp && value > 100) throw rule.Member(present[0].Name).Error($"must be at most 100; got {value}");
        return new PricingRule(rule.Member("productId").String(), rule.Member("skuId").OptionalString(), present[0].Method, value);
    }

    private static SubscriptionEvent ReadEvent(JsonField e, int index, List<BillingContract> contracts)
    {
        var type = e.Member("type").Word(EventTypes);
        var basics = new SubscriptionEvent(index, e.Member("at").Timestamp(), type, e.Member("subscription").String());
        var quantity = e.Member("quantity").OptionalInt();
        if (quantity < 0) throw e.Member("quantity").Error($"must be ≥ 0; got {quantity}");
        switch (type)
        {
            case SubscriptionEventType.Purchase:
                var contract = e.Member("contract").String();
                if (contracts.All(c => c.Id != contract)) throw e.Member("contract").Error($"'{contract}' is not one of the contracts");
                var productId = e.Member("productId").String();
                var usage = string.Equals(productId, PurchaseOrder.AzurePlan, StringComparison.OrdinalIgnoreCase);
                var parent = e.Member("parent").OptionalString();
                return basics with
                {
                    Contract = contract,
                    ProductId = productId,
                    SkuId = e.Member("skuId").OptionalString(),
                    Term = e.Member("term").OptionalWord(Terms),
                    BillingPlan = e.Member("billingPlan").OptionalWord(Plans),
                    // A bundle's child may leave its quantity to follow the bundle's.
                    Quantity = usage ? quantity ?? 1 : parent is not null ? quantity : quantity ?? throw e.Member("quantity").Error("is required"),
                    AutoRenew = e.Member("autoRenew").OptionalBool() ?? true,
                    AlignToCalendarMonth = e.Member("alignEndDate").OptionalWord(EndDateAlignments) ?? false,
                    Parent = parent,
                };
            case SubscriptionEventType.SetQuantity:
                return basics with { Quantity = quantity ?? throw e.Member("quantity").Error("is required") };
            case SubscriptionEventType.SetAutoRenew:
                return basics with { Enabled = e.Member("enabled").OptionalBool() ?? throw e.Member("enabled").Error("is required") };
            case SubscriptionEventType.ScheduleRenewal:
                var scheduled = basics with
                {
                    Quantity = quantity,
                    Term = e.Member("term").OptionalWord(Terms),
                    BillingPlan = e.Member("billingPlan").OptionalWord(Plans),
                    SkuId = e.Member("skuId").OptionalString(),
                };
                if (scheduled is { Quantity: null, Term: null, BillingPlan: null, SkuId: null })
                    throw e.Error("a scheduleRenewal needs at least one of quantity, term, billingPlan or skuId");
                return scheduled;
            case SubscriptionEventType.Upgrade:
                var upgrade = basics with
                {
                    ToProductId = e.Member("toProductId").OptionalString(),
                    ToSkuId = e.Member("toSkuId").String(),
                    Quantity = quantity,
                    NewSubscription = e.Member("newSubscription").OptionalString(),
                };
                if (upgrade.NewSubscription is not null && upgrade.Quantity is null)
                    throw e.Member("quantity").Error("is required for a partial upgrade (with newSubscription)");
                return upgrade;
            case SubscriptionEventType.Usage:
                return basics with
                {
                    UsageDate = e.Member("date").Date(),
                    Meter = e.Member("meter").OptionalString(),
                    Cost = e.Member("cost").Decimal(),
                    Retail = e.Member("retail").OptionalDecimal(),
                };
            default:
                return basics;
        }
    }

    /// <summary>Each subscription id is created once: by a purchase or as the target of a partial upgrade.</summary>
    private static void CheckSubscriptionIds(List<SubscriptionEvent> events, JsonField list)
    {
        var created = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var (id, field) = e.Type == SubscriptionEventType.Purchase ? (e.Subscription, "subscription")
                : e is { Type: SubscriptionEventType.Upgrade, NewSubscription: { } target } ? (target, "newSubscription")
                : (null, null);
            if (id is null) continue;
            if (!created.TryAdd(id, e.Index))
                throw new ScenarioFormatException($"{list.Path}[{e.Index}].{field}", $"'{id}' is already created by events[{created[id]}]");
        }
    }

    private static Currency ReadCurrency(JsonField field, string fallback)
    {
        var code = field.OptionalString() ?? fallback;
        return Currency.TryFromCode(code, out var currency) ? currency : throw field.Error($"'{code}' is not a known ISO 4217 currency code");
    }
}
