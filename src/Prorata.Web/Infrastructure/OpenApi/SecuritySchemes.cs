using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Infrastructure.OpenApi;

/// <summary>
/// How the OpenAPI document says to authenticate: an API key as a bearer token or in X-Api-Key (integrations), or the
/// staff cookie (the browser). Every operation that is not anonymous requires one of the three, and may answer 401 and 403.
/// </summary>
public sealed class SecuritySchemes : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Bearer = "ApiKey";
    public const string Header = "ApiKeyHeader";
    public const string Cookie = "StaffCookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "prk_<id>_<secret>",
            Description = "An API key made by the Owner (Settings → API keys, POST /api/v1/api-keys or `prorata api-keys create`), as "
                + "`Authorization: Bearer prk_…`. The request acts with the key's staff role. No CSRF token is needed.",
        };
        document.Components.SecuritySchemes[Header] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthentication.HeaderName,
            Description = "The same API key in the X-Api-Key header, for clients that cannot set Authorization.",
        };
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = ProrataAuth.CookieName,
            Description = "A staff user's sign-in cookie (/signin). A POST, PUT, PATCH or DELETE with it needs a JSON body "
                + "(Content-Type: application/json) or the page's antiforgery token, and a same-origin Origin.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }
        operation.Security ??= [];
        foreach (var scheme in new[] { Bearer, Header, Cookie })
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
        }
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No credential, or the API key is unknown, revoked or expired." });
        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
        {
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The staff role (the user's or the key's) does not allow this call." });
        }
        return Task.CompletedTask;
    }
}
