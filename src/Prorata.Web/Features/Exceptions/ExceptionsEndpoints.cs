using Prorata.Data;
using Prorata.Data.Exceptions;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Exceptions;

/// <summary>GET /api/v1/exceptions: the exceptions dashboard's figures and lists, read-only for every staff role.</summary>
public static class ExceptionsEndpoints
{
    public static IEndpointRouteBuilder MapExceptions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/exceptions", (ProrataDbContext db, CancellationToken cancellationToken) => OpenExceptions.LoadAsync(db, cancellationToken))
            .WithName("GetExceptions").WithTags("Exceptions").RequireAuthorization(Policies.StaffRead);
        return app;
    }
}
