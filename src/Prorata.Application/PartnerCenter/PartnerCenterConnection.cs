using Microsoft.Extensions.Configuration;

namespace Prorata.Application.PartnerCenter;

/// <summary>
/// Whether the "PartnerCenter" section names a tenant and an application. Without them the area shows how to configure
/// it and sync refuses to start; the rest of the app runs as usual.
/// </summary>
public sealed record PartnerCenterConnection(bool Configured, string ApplicationId)
{
    public static PartnerCenterConnection From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Integrations.PartnerCenter.PartnerCenterOptions.SectionName);
        var configured = !string.IsNullOrWhiteSpace(section["TenantId"]) && !string.IsNullOrWhiteSpace(section["ApplicationId"]);
        return new PartnerCenterConnection(configured, section["ApplicationId"] ?? "");
    }
}
