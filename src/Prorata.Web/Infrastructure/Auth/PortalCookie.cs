using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Prorata.Application.Portal;
using Prorata.Data.Portal;

namespace Prorata.Web.Infrastructure.Auth;

/// <summary>
/// The customer portal's sign-in, apart from staff's: its own cookie (prorata.portal, sent only to /portal), its own
/// scheme (every request under /portal is judged by it alone, so a staff cookie opens nothing there and a portal cookie
/// nothing elsewhere), and its own policies. The cookie names the customer user, its customer, role and security stamp;
/// the stamp is checked on every request, so a disable, a new role, MFA or a password change ends old sessions at once.
/// </summary>
public static class PortalCookie
{
    public const string Scheme = "Portal";
    public const string PartialScheme = "PortalPassword";
    public const string Prefix = "/portal";
    public const string SignInPath = "/portal/signin";
    public const string CookieName = "prorata.portal";

    public const string CustomerClaim = "prorata:customer";
    public const string StampClaim = "prorata:stamp";

    /// <summary>Any customer user.</summary>
    public const string Reader = "PortalReader";

    /// <summary>Invoices, payments and payment methods: Admin, Billing.</summary>
    public const string Payer = "PortalPayer";

    /// <summary>Purchases, changes and the customer's own users: Admin.</summary>
    public const string Admin = "PortalAdmin";

    public static bool IsPortal(HttpRequest request) => request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static void Add(AuthenticationBuilder authentication, IServiceCollection services, IConfiguration configuration)
    {
        var entraId = configuration.GetSection(PortalEntraIdOptions.Section).Get<PortalEntraIdOptions>() ?? new PortalEntraIdOptions();
        services.Configure<PortalEntraIdOptions>(configuration.GetSection(PortalEntraIdOptions.Section));
        if (entraId.IsConfigured)
        {
            authentication.AddCookie(PortalEntraIdOptions.ExternalScheme, options =>
            {
                options.Cookie.Name = CookieName + ".external";
                options.Cookie.Path = Prefix;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            });
            authentication.AddOpenIdConnect(PortalEntraIdOptions.Scheme, "Microsoft", options =>
            {
                options.Authority = $"{entraId.Instance.TrimEnd('/')}/organizations/v2.0";
                options.ClientId = entraId.ClientId;
                options.ClientSecret = entraId.ClientSecret;
                options.ResponseType = "code";
                options.CallbackPath = PortalEntraIdOptions.CallbackPath;
                options.SignInScheme = PortalEntraIdOptions.ExternalScheme;
                options.Scope.Add("email");
                options.MapInboundClaims = false;
                options.TokenValidationParameters.IssuerValidator = (issuer, token, _) =>
                    entraId.IsIssuerOf(issuer, (token as Microsoft.IdentityModel.JsonWebTokens.JsonWebToken)?.GetPayloadValue<string>("tid"))
                        ? issuer
                        : throw new Microsoft.IdentityModel.Tokens.SecurityTokenInvalidIssuerException($"Issuer '{issuer}' is not the token's own tenant.");
            });
        }
        authentication.AddCookie(Scheme, "Customer portal", options =>
        {
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = "/portal/denied";
            options.Cookie.Name = CookieName;
            options.Cookie.Path = Prefix;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnValidatePrincipal = ValidateAsync;
            options.Events.OnRedirectToLogin = context => RespondOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RespondOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        // Between a right password and the TOTP code: proves the first factor only, for five minutes, and opens nothing but the code page.
        authentication.AddCookie(PartialScheme, options =>
        {
            options.Cookie.Name = CookieName + ".password";
            options.Cookie.Path = Prefix;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            options.SlidingExpiration = false;
        });
    }

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Reader, p => p.AddAuthenticationSchemes(Scheme).RequireClaim(CustomerClaim))
        .AddPolicy(Payer, p => p.AddAuthenticationSchemes(Scheme).RequireClaim(CustomerClaim)
            .RequireRole(nameof(CustomerUserRole.Admin), nameof(CustomerUserRole.Billing)))
        .AddPolicy(Admin, p => p.AddAuthenticationSchemes(Scheme).RequireClaim(CustomerClaim).RequireRole(nameof(CustomerUserRole.Admin)));

    public static ClaimsPrincipal Principal(CustomerUser user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.Email),
        new Claim(ClaimTypes.Role, user.Role.ToString()),
        new Claim(CustomerClaim, user.CustomerId.ToString()),
        new Claim(StampClaim, user.SecurityStamp),
    ], Scheme));

    /// <summary>The customer user a portal request is signed in as; null for anyone else.</summary>
    public static PortalCaller? CallerOf(ClaimsPrincipal principal) =>
        principal.Identity?.AuthenticationType == Scheme
        && Guid.TryParse(principal.FindFirstValue(CustomerClaim), out var customer)
        && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var user)
        && Enum.TryParse<CustomerUserRole>(principal.FindFirstValue(ClaimTypes.Role), out var role)
            ? new PortalCaller(customer, user, principal.FindFirstValue(ClaimTypes.Name) ?? "", role)
            : null;

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<PortalAccounts>();
        var caller = context.Principal is null ? null : CallerOf(context.Principal);
        if (caller is null || !await accounts.StillValidAsync(caller.UserId, caller.CustomerId, context.Principal!.FindFirstValue(StampClaim), context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    private static Task RespondOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/portal/api"))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
