namespace Prorata.Web.Features.PortalAdmin;

/// <summary>
/// The staff side of the customer portal: each customer's portal users, catalog and approval amount (the customer page's
/// "Customer portal" section and /api/v1/customers/{id}/portal), and the approvals queue (/approvals and
/// /api/v1/portal-requests). Its services are the portal's own (PortalFeature.AddPortal).
/// </summary>
public static class PortalAdminFeature
{
    public static IEndpointRouteBuilder MapPortalAdmin(this IEndpointRouteBuilder app) => app
        .MapPortalAdminApi()
        .MapApprovalsApi()
        .MapPortalAdminForms();
}
