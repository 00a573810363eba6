using Prorata.Application.Outbox;
using Prorata.Application.Portal;

namespace Prorata.Web.Features.Portal;

/// <summary>The customer portal (/portal): customer users, their catalog, guarded purchases and changes, and staff's approvals.</summary>
public static class PortalFeature
{
    /// <summary>The portal API's OpenAPI document, /openapi/portal.json: for the customer's programs, apart from staff's v1.</summary>
    public const string OpenApiDocument = "portal";

    public static IServiceCollection AddPortal(this IServiceCollection services) => services
        .AddOpenApi(OpenApiDocument, options => options.ShouldInclude = description => description.GroupName == OpenApiDocument)
        .AddScoped<PortalInvitations>()
        .AddScoped<PortalAccounts>()
        .AddScoped<PortalCatalog>()
        .AddScoped<PortalOrders>()
        .AddScoped<PortalApprovals>()
        .AddScoped<PortalViews>()
        .AddScoped<PortalPayments>()
        .AddScoped<IOutboxHandler, PortalInvitationHandler>();
}
