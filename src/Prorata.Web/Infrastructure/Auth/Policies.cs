namespace Prorata.Web.Infrastructure.Auth;

/// <summary>Authorization policy names. Anything not named here needs a signed-in user (the fallback policy).</summary>
public static class Policies
{
    /// <summary>Any staff role: every page and every read.</summary>
    public const string StaffRead = "StaffRead";

    /// <summary>Create and change customers: Owner, BillingAdmin.</summary>
    public const string CustomersWrite = "CustomersWrite";

    /// <summary>Create and change billing contracts: Owner, BillingAdmin, Finance.</summary>
    public const string ContractsWrite = "ContractsWrite";

    /// <summary>Buy and change subscriptions: Owner, BillingAdmin, Sales.</summary>
    public const string SubscriptionsWrite = "SubscriptionsWrite";

    /// <summary>Billing runs, invoices (issue, void, credit) and price-list imports: Owner, BillingAdmin, Finance.</summary>
    public const string BillingWrite = "BillingWrite";

    /// <summary>Salespeople, commission plans, who sells a contract, approving and paying commission statements: Owner, Finance.</summary>
    public const string CommissionsWrite = "CommissionsWrite";

    /// <summary>The audit log (who changed what, staff roles and API keys included): Owner, Finance.</summary>
    public const string AuditRead = "AuditRead";

    /// <summary>Staff users and settings: Owner.</summary>
    public const string OwnerOnly = "OwnerOnly";
}
