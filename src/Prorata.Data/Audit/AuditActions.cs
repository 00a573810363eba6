namespace Prorata.Data.Audit;

/// <summary>What an <see cref="AuditEntry"/> says happened: created, changed, deleted, or a domain word where it is clearer.</summary>
public static class AuditActions
{
    public const string Created = "Created";
    public const string Changed = "Changed";
    public const string Deleted = "Deleted";
    public const string CreditHoldPlaced = "CreditHoldPlaced";
    public const string CreditHoldReleased = "CreditHoldReleased";
    public const string DunningHoldPlaced = "DunningHoldPlaced";
    public const string DunningHoldReleased = "DunningHoldReleased";
    public const string Revoked = "Revoked";
    public const string RoleGranted = "RoleGranted";
    public const string RoleRevoked = "RoleRevoked";
    public const string Disabled = "Disabled";
    public const string Enabled = "Enabled";
    public const string SecretRotated = "SecretRotated";
}
