using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Prorata.Application.ApiKeys;
using Prorata.Data;
using Prorata.Data.Identity;

namespace Prorata.Web.Infrastructure.Auth;

/// <summary>Staff sign-in: ASP.NET Core Identity cookies, optionally Microsoft Entra ID; API keys for integrations; deny by default.</summary>
public static class ProrataAuth
{
    public const string SignInPath = "/signin";
    public const string AccessDeniedPath = "/access-denied";
    public const string CookieName = "prorata.auth";
    private const string ApiPrefix = "/api";

    public static IServiceCollection AddProrataAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var entraId = configuration.GetSection(EntraIdOptions.Section).Get<EntraIdOptions>() ?? new EntraIdOptions();
        services.Configure<EntraIdOptions>(configuration.GetSection(EntraIdOptions.Section));

        // A request is judged by its API key when it carries one on /api, else by the staff cookie (ApiKeyAuthentication).
        var authentication = services.AddAuthentication(ApiKeyAuthentication.StaffOrKeyScheme);
        authentication.AddPolicyScheme(ApiKeyAuthentication.StaffOrKeyScheme, "Staff cookie or API key",
            options => options.ForwardDefaultSelector = ApiKeyAuthentication.SelectScheme);
        authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, "API key", null);
        services.AddScoped<ApiKeys>();
        authentication.AddIdentityCookies();
        PortalCookie.Add(authentication, services, configuration);
        if (entraId.IsConfigured)
        {
            authentication.AddOpenIdConnect(EntraIdOptions.Scheme, "Microsoft Entra ID", options =>
            {
                options.Authority = $"{entraId.Instance.TrimEnd('/')}/{entraId.TenantId ?? "organizations"}/v2.0";
                options.ClientId = entraId.ClientId;
                options.ClientSecret = entraId.ClientSecret;
                options.ResponseType = "code";
                options.SignInScheme = IdentityConstants.ExternalScheme;
                options.Scope.Add("email");
                options.MapInboundClaims = false;
            });
        }

        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                // Failed passwords slow the client's address down (StaffSignIn) and never lock an account: otherwise
                // anyone could lock the Owner out with ten wrong guesses. Lockout stays on for disabling staff.
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ProrataDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure over https (also behind a proxy that terminates TLS, with Prorata:ForwardedHeaders), and still usable on
            // http://localhost for a first run.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnValidatePrincipal = ValidateStampAsync;
            options.Events.OnRedirectToLogin = context => RespondOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RespondOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.StaffRead, p => p.RequireRole(StaffRoles.All))
            .AddPolicy(Policies.CustomersWrite, p => p.RequireRole(StaffRoles.Owner, StaffRoles.BillingAdmin))
            .AddPolicy(Policies.ContractsWrite, p => p.RequireRole(StaffRoles.Owner, StaffRoles.BillingAdmin, StaffRoles.Finance))
            .AddPolicy(Policies.SubscriptionsWrite, p => p.RequireRole(StaffRoles.Owner, StaffRoles.BillingAdmin, StaffRoles.Sales))
            .AddPolicy(Policies.BillingWrite, p => p.RequireRole(StaffRoles.Owner, StaffRoles.BillingAdmin, StaffRoles.Finance))
            .AddPolicy(Policies.CommissionsWrite, p => p.RequireRole(StaffRoles.Owner, StaffRoles.Finance))
            .AddPolicy(Policies.AuditRead, p => p.RequireRole(StaffRoles.Owner, StaffRoles.Finance))
            .AddPolicy(Policies.OwnerOnly, p => p.RequireRole(StaffRoles.Owner))
            .AddPortalPolicies();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "prorata.antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>
    /// Checks the cookie's security stamp against the database on every request, instead of Identity's every 30 minutes:
    /// a role change, a disabled user, a new password or a sign-out (each renews the stamp) refuses the old cookie on its
    /// very next request. One indexed read per request is the price.
    /// </summary>
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<StaffUser>>();
        var user = context.Principal is null ? null : await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    // API callers are programs: they get a status code to act on, not an HTML sign-in page.
    private static Task RespondOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments(ApiPrefix))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
