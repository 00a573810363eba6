namespace Prorata.Data.Identity;

/// <summary>The staff roles. Every role may read; Owner and BillingAdmin change customers and contracts, Finance contracts.</summary>
public static class StaffRoles
{
    public const string Owner = "Owner";
    public const string BillingAdmin = "BillingAdmin";
    public const string Finance = "Finance";
    public const string Sales = "Sales";
    public const string ReadOnly = "ReadOnly";

    public static IReadOnlyList<string> All { get; } = [Owner, BillingAdmin, Finance, Sales, ReadOnly];
}
