namespace Prorata.Data.PartnerCenter;

/// <summary>A credential already encrypted with Data Protection; the database never holds it in clear text.</summary>
public sealed class PartnerCenterCredential
{
    public required string Name { get; set; }

    public required byte[] ProtectedValue { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
