using Prorata.Application.Audit;

namespace Prorata.Web.Features.Audit;

public static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditSearch>();
}
