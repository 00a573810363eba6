using Prorata.Data.ApiKeys;
using Prorata.Data.Catalog;
using Prorata.Data.Commissions;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Identity;
using Prorata.Data.Insight;
using Prorata.Data.LegalEntities;
using Prorata.Data.PartnerCenter;
using Prorata.Data.Portal;
using Prorata.Data.Tax;
using Prorata.Data.Webhooks;

namespace Prorata.Data.Audit;

/// <summary>
/// The entities whose changes the audit log records (issue 16: customers and their credit hold, contracts and their pricing
/// rules, the prices the partner sets, staff users and their roles, settings, API keys). A contract's pricing rules and a
/// staff user's roles are recorded on the contract and the user.
/// </summary>
public static class AuditedTypes
{
    public const string Customer = "Customer";
    public const string BillingContract = "BillingContract";
    public const string StaffUser = "StaffUser";
    public const string ApiKey = "ApiKey";

    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    private static readonly Dictionary<Type, AuditedType> ByType = new()
    {
        [typeof(Customer)] = new(Customer, e => ((Customer)e).Id.ToString(), e => ((Customer)e).Name, None, None),
        // The label needs the customer's name: the recorder looks it up.
        [typeof(BillingContract)] = new(BillingContract, e => ((BillingContract)e).Id.ToString(), _ => null, None, None),
        [typeof(StaffUser)] = new(StaffUser, e => ((StaffUser)e).Id, e => ((StaffUser)e).Email, None, None,
            Only: new HashSet<string>([nameof(Identity.StaffUser.Email), nameof(Identity.StaffUser.DisplayName), nameof(Identity.StaffUser.LockoutEnd)])),
        [typeof(ApiKey)] = new(ApiKey, e => ((ApiKey)e).Id.ToString(), e => ((ApiKey)e).Name, None,
            new HashSet<string>([nameof(ApiKeys.ApiKey.SecretHash), nameof(ApiKeys.ApiKey.LastUsedAt), nameof(ApiKeys.ApiKey.CreatedBy), nameof(ApiKeys.ApiKey.RevokedBy)])),
        [typeof(LegalEntity)] = new("LegalEntity", e => ((LegalEntity)e).Id.ToString(), e => ((LegalEntity)e).Name, None, None),
        [typeof(TaxRateRow)] = new("TaxRate", e => ((TaxRateRow)e).Id.ToString(), e => TaxRateLabel((TaxRateRow)e), None, None),
        [typeof(WebhookSubscription)] = new("Webhook", e => ((WebhookSubscription)e).Id.ToString(), e => ((WebhookSubscription)e).Url,
            new HashSet<string>([nameof(WebhookSubscription.ProtectedSecret), nameof(WebhookSubscription.ProtectedPreviousSecret)]),
            new HashSet<string>([nameof(WebhookSubscription.CreatedBy)])),
        [typeof(PartnerCenterCredential)] = new("PartnerCenterCredential", e => ((PartnerCenterCredential)e).Name, e => ((PartnerCenterCredential)e).Name,
            new HashSet<string>([nameof(PartnerCenterCredential.ProtectedValue)]), None),
        [typeof(ProductMarginFloor)] = new("MarginFloor", e => ((ProductMarginFloor)e).ProductId, e => ((ProductMarginFloor)e).ProductId, None,
            new HashSet<string>([nameof(ProductMarginFloor.UpdatedBy)])),
        [typeof(PriceListVersion)] = new("PriceList", e => ((PriceListVersion)e).Id.ToString(), e => ((PriceListVersion)e).Name, None,
            new HashSet<string>([nameof(PriceListVersion.ImportedAt), nameof(PriceListVersion.ImportedBy)])),
        [typeof(Salesperson)] = new("Salesperson", e => ((Salesperson)e).Id.ToString(), e => ((Salesperson)e).Name, None, None),
        [typeof(CustomerUser)] = new("CustomerUser", e => ((CustomerUser)e).Id.ToString(), e => ((CustomerUser)e).Email,
            new HashSet<string>([nameof(Portal.CustomerUser.PasswordHash), nameof(Portal.CustomerUser.ProtectedTotpSecret), nameof(Portal.CustomerUser.InvitationHash),
                nameof(Portal.CustomerUser.SecurityStamp)]),
            new HashSet<string>([nameof(Portal.CustomerUser.LastSignInAt), nameof(Portal.CustomerUser.NormalizedEmail)])),
        [typeof(PortalOffer)] = new("PortalOffer", e => ((PortalOffer)e).Id.ToString(), e => $"{((PortalOffer)e).ProductId}/{((PortalOffer)e).SkuId}", None, None),
        [typeof(PortalPolicy)] = new("PortalPolicy", e => ((PortalPolicy)e).CustomerId.ToString(), _ => null, None,
            new HashSet<string>([nameof(PortalPolicy.UpdatedAt)])),
        [typeof(SalespersonPlan)] = new("CommissionPlan", e => ((SalespersonPlan)e).Id.ToString(), e => ((SalespersonPlan)e).ProductId, None, None),
    };

    /// <summary>Every entity type name the log uses, for filters.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByType.Values.Select(t => t.Name).Order(StringComparer.Ordinal)];

    public static AuditedType? Find(Type type) => ByType.GetValueOrDefault(type);


    private static string TaxRateLabel(TaxRateRow rate) => $"{rate.Country}{(rate.Region is null ? "" : "-" + rate.Region)} {rate.Name}";
}
