using Microsoft.AspNetCore.Components;
using Prorata.Application.Portal;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Portal;

/// <summary>A portal page: the signed-in customer user (never null once the page's policy let the request in) and the outcome of the last form post.</summary>
public abstract class PortalPage : ComponentBase
{
    [CascadingParameter] protected HttpContext? HttpContext { get; set; }

    [SupplyParameterFromQuery] protected string? Message { get; set; }

    [SupplyParameterFromQuery] protected string? Error { get; set; }

    protected PortalCaller Caller => PortalCookie.CallerOf(HttpContext!.User) ?? throw new InvalidOperationException("A portal page was rendered without a portal user.");
}
