using Prorata.Application.Outbox;
using Prorata.Application.Portal;

namespace Prorata.Web.Features.Portal;

/// <summary>The customer portal (/portal): customer users, their catalog, guarded purchases and changes, and staff's approvals.</summary>
public static class PortalFeature
{
    public static IServiceCollection AddPortal(this IServiceCollection services) => services
        .AddScoped<PortalInvitations>()
        .AddScoped<PortalAccounts>()
        .AddScoped<PortalCatalog>()
        .AddScoped<PortalOrders>()
        .AddScoped<PortalApprovals>()
        .AddScoped<PortalViews>()
        .AddScoped<PortalPayments>()
        .AddScoped<IOutboxHandler, PortalInvitationHandler>();
}
