using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.FluentUI.AspNetCore.Components;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Database;
using Prorata.Web.Infrastructure.Http;
using Prorata.Web.Infrastructure.OpenApi;
using Prorata.Web.Infrastructure.Problems;
using Prorata.Web.Infrastructure.Security;
using Prorata.Web.Infrastructure.Telemetry;

namespace Prorata.Web.Infrastructure;

/// <summary>What every feature stands on: database, sign-in, ProblemDetails, logs, telemetry, health, OpenAPI and the Blazor shell.</summary>
public static class ProrataInfrastructure
{
    public static WebApplicationBuilder AddProrataInfrastructure(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        ConsoleLogs.Configure(builder);
        ProrataTelemetry.Configure(builder);
        // Serve library assets (Blazor's script, Fluent UI) from the build output too, not only in Development or after publish.
        builder.WebHost.UseStaticWebAssets();
        // A failing background job (an import, a sync) is logged by the job; it never stops the host.
        builder.Services.Configure<HostOptions>(options => options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        // Binding errors reach ProrataExceptionHandler, which names the field, in every environment.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddOptions<RequestLimits>().Bind(builder.Configuration.GetSection(RequestLimits.Section));
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddOptions<Prorata.Integrations.ReconFiles.FileLimits>().Bind(builder.Configuration.GetSection(Prorata.Integrations.ReconFiles.FileLimits.Section));
        builder.Services.AddProrataForwardedHeaders(builder.Configuration);
        builder.Services.AddProrataDatabase(builder.Configuration);
        builder.Services.AddProrataKeyRing(builder.Configuration);
        builder.Services.AddProrataAuth(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProrataExceptionHandler>();
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<SecuritySchemes>();
            options.AddOperationTransformer<SecuritySchemes>();
        });
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddFluentUIComponents();
        return builder;
    }

    public static WebApplication UseProrataInfrastructure(this WebApplication app)
    {
        if (ForwardedHeadersSetup.IsEnabled(app.Configuration))
        {
            app.UseForwardedHeaders();
        }
        app.UseExceptionHandler();
        app.UseSecurityHeaders();
        // HSTS only on HTTPS requests, and never for localhost.
        app.UseHsts();
        // A person gets a page inside the shell (ErrorPages); programs get ProblemDetails.
        app.UseStatusCodePages(async context =>
        {
            if (ErrorPages.ForPerson(context.HttpContext))
                await ErrorPages.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, null);
            else if (!await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
                         .TryWriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext }))
                await context.HttpContext.Response.WriteAsync($"Status Code: {context.HttpContext.Response.StatusCode}");
        });
        app.UseMiddleware<JsonBodies>();
        app.UseAuthentication();
        // After authentication: an antiforgery token is bound to the signed-in user.
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        return app;
    }

    /// <summary>The Blazor pages of every feature (found by route) and their static files; maps last.</summary>
    public static WebApplication MapProrataPages<TApp>(this WebApplication app) where TApp : Microsoft.AspNetCore.Components.IComponent
    {
        // Styles and scripts load before sign-in, so they are exempt from the deny-by-default policy.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<TApp>();
        return app;
    }
}
