using Prorata.Application.PartnerCenter;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Application.WorkItems;
using Prorata.Data.PartnerCenter;
using Prorata.Data.WorkItems;
using Prorata.Data.Reconciliation;
using Prorata.Integrations.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Credentials;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.PartnerCenter;

/// <summary>
/// /api/v1/partner-center: settings status, sync runs (202, then poll), exceptions, subscription links and the Admin
/// Agent's consent (start, then Microsoft redirects to the callback with the code and the state it was given).
/// </summary>
public static class PartnerCenterEndpoints
{
    public const string ConsentStateCookie = "prorata-pc-consent-state";

    public static IEndpointRouteBuilder MapPartnerCenter(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/partner-center").WithTags("Partner Center").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", StatusAsync).WithName("GetPartnerCenterStatus");
        group.MapPost("/sync-runs", StartAsync).WithName("StartPartnerCenterSync").RequireAuthorization(Policies.OwnerOnly);
        group.MapGet("/sync-runs/{id:guid}", GetRunAsync).WithName("GetPartnerCenterSync");
        group.MapPost("/license-reads", ReadLicensesAsync).WithName("ReadPartnerCenterLicenses").RequireAuthorization(Policies.OwnerOnly);
        group.MapGet("/issues", IssuesAsync).WithName("ListPartnerCenterIssues");
        group.MapPost("/issues/{id:long}/resolve", ResolveAsync).WithName("ResolvePartnerCenterIssue").RequireAuthorization(Policies.OwnerOnly);
        group.MapPut("/subscriptions/{partnerCenterSubscriptionId}/link", LinkAsync).WithName("LinkPartnerCenterSubscription")
            .RequireAuthorization(Policies.OwnerOnly).ProducesValidationProblem();
        group.MapPut("/customers/{partnerCenterCustomerId}/link", LinkCustomerAsync).WithName("LinkPartnerCenterCustomer")
            .RequireAuthorization(Policies.OwnerOnly).ProducesValidationProblem();
        group.MapGet("/consent", StartConsent).WithName("StartPartnerCenterConsent").RequireAuthorization(Policies.OwnerOnly);
        group.MapGet("/consent/callback", CompleteConsentAsync).WithName("CompletePartnerCenterConsent").RequireAuthorization(Policies.OwnerOnly);

        app.MapPost("/partner-center/sync", StartForm).RequireAuthorization(Policies.OwnerOnly).ExcludeFromDescription();
        return app;
    }

    public static async Task<PartnerCenterStatusResponse> StatusOfAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var connection = services.GetRequiredService<PartnerCenterConnection>();
        var time = services.GetRequiredService<TimeProvider>();
        var credential = connection.Configured
            ? await services.GetRequiredService<PartnerCenterCredentials>().GetStatusAsync(cancellationToken)
            : CredentialStatus.Of(null, time.GetUtcNow());
        var last = await services.GetRequiredService<PartnerCenterSyncRuns>().LatestAsync(cancellationToken);
        var open = await PartnerCenterIssues(services.GetRequiredService<ProrataDbContext>()).CountAsync(i => i.State == WorkItemState.Open, cancellationToken);
        return new PartnerCenterStatusResponse(connection.Configured, credential.Consented, credential.IssuedAt, credential.ExpiresAt,
            credential.IssuedAt is { } issued ? (int)(time.GetUtcNow() - issued).TotalDays : null,
            credential.ExpiringSoon, credential.Expired, last is null ? null : SyncRunResponse.From(last), open);
    }

    private static async Task<Ok<PartnerCenterStatusResponse>> StatusAsync(HttpContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StatusOfAsync(context.RequestServices, cancellationToken));

    /// <param name="full">List every customer instead of reading the activity log since the last sync.</param>
    /// <param name="wait">Answer when the sync is over (200) instead of at once (202).</param>
    private static async Task<Results<Accepted<SyncRunResponse>, Ok<SyncRunResponse>, ProblemHttpResult>> StartAsync(
        bool? full, bool? wait, HttpContext context, PartnerCenterSyncRuns runs, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await NotReadyAsync(context.RequestServices, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var run = runs.Start(full == true, user.Identity?.Name ?? "staff");
        if (wait != true)
        {
            return TypedResults.Accepted($"/api/v1/partner-center/sync-runs/{run.Id}", SyncRunResponse.From(run));
        }
        await runs.WaitAsync(run.Id);
        return TypedResults.Ok(SyncRunResponse.From((await runs.FindAsync(run.Id, cancellationToken))!));
    }

    /// <summary>
    /// Reads every linked tenant's licenses now (the schedule does it every PartnerCenter:Sync:LicenseReadHours) and answers
    /// what was stored; a tenant Partner Center refused is listed in <c>failures</c> and keeps its earlier read.
    /// </summary>
    private static async Task<Results<Ok<LicenseReadOutcome>, ProblemHttpResult>> ReadLicensesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (await NotReadyAsync(context.RequestServices, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        return TypedResults.Ok(await context.RequestServices.GetRequiredService<LicenseRead>().RunAsync(cancellationToken));
    }

    /// <summary>422 with a stable code when sync cannot start: nothing configured, or no consent yet.</summary>
    private static async Task<ProblemHttpResult?> NotReadyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<PartnerCenterConnection>().Configured)
        {
            return Refused("partnerCenterNotConfigured", "PartnerCenter:TenantId and PartnerCenter:ApplicationId are not set; nothing was synced.");
        }
        var status = await services.GetRequiredService<PartnerCenterCredentials>().GetStatusAsync(cancellationToken);
        return status.Consented && !status.Expired
            ? null
            : Refused("consentRequired", "An Admin Agent must consent (GET /api/v1/partner-center/consent) before Prorata can read Partner Center; nothing was synced.");
    }

    private static ProblemHttpResult Refused(string code, string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "Partner Center refused or is not ready.", extensions: new Dictionary<string, object?> { ["code"] = code });

    private static async Task<Results<Ok<SyncRunResponse>, ProblemHttpResult>> GetRunAsync(Guid id, PartnerCenterSyncRuns runs, CancellationToken cancellationToken) =>
        await runs.FindAsync(id, cancellationToken) is { } run
            ? TypedResults.Ok(SyncRunResponse.From(run))
            : SaveResultHttp.NotFound($"No Partner Center sync run has id '{id}'.");

    /// <summary>The work items Partner Center raised: sync issues and provisioning failures.</summary>
    public static IQueryable<WorkItem> PartnerCenterIssues(ProrataDbContext db) =>
        db.WorkItems.AsNoTracking().Where(i => i.Kind == WorkItemKind.SyncIssue || i.Kind == WorkItemKind.ProvisioningFailure);

    /// <param name="state">open (default), resolved or all.</param>
    private static async Task<Results<Ok<List<SyncIssueResponse>>, ValidationProblem>> IssuesAsync(string? state, ProrataDbContext db, CancellationToken cancellationToken)
    {
        var issues = PartnerCenterIssues(db);
        IQueryable<WorkItem>? query = (state ?? "open") switch
        {
            "open" => issues.Where(i => i.State == WorkItemState.Open),
            "resolved" => issues.Where(i => i.State == WorkItemState.Resolved),
            "all" => issues,
            _ => null,
        };
        if (query is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"state must be open, resolved or all; got '{state}'."] });
        }
        var list = await query.OrderBy(i => i.Id).Take(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(SyncIssueResponse.From).ToList());
    }

    private static async Task<Results<Ok<SyncIssueResponse>, ProblemHttpResult>> ResolveAsync(long id, ProrataDbContext db, WorkItemActions actions, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var issue = await PartnerCenterIssues(db).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (issue is null)
        {
            return SaveResultHttp.NotFound($"No Partner Center exception has id '{id}'.");
        }
        if (issue.State == WorkItemState.Open)
        {
            var result = await actions.ResolveAsync(id, "resolved on the Partner Center page", user.Identity?.Name ?? "staff", cancellationToken);
            issue = result.Items.Count == 1 ? result.Items[0] : issue;
        }
        return TypedResults.Ok(SyncIssueResponse.From(issue));
    }

    /// <summary>
    /// Links a Partner Center subscription to the Prorata subscription that bills it, and its tenant to that
    /// subscription's customer if the tenant was not mapped yet. From the next sync on, its changes are logged and billed.
    /// Its open "missing contract" exception is resolved.
    /// </summary>
    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> LinkAsync(string partnerCenterSubscriptionId, SubscriptionLinkRequest request,
        ProrataDbContext db, UsageAssignment usage, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.SubscriptionId is not { } subscriptionId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subscriptionId"] = ["subscriptionId is required; got nothing."] },
                title: "One or more fields are invalid; nothing was saved.");
        }
        var link = await db.PartnerCenterSubscriptions.FirstOrDefaultAsync(l => l.PartnerCenterSubscriptionId == partnerCenterSubscriptionId, cancellationToken);
        if (link is null)
        {
            return SaveResultHttp.NotFound($"No Partner Center subscription has id '{partnerCenterSubscriptionId}'; run a sync first.");
        }
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subscriptionId"] = [$"No subscription has id '{subscriptionId}'."] },
                title: "One or more fields are invalid; nothing was saved.");
        }
        if (await db.PartnerCenterSubscriptions.AnyAsync(l => l.SubscriptionId == subscriptionId && l.PartnerCenterSubscriptionId != partnerCenterSubscriptionId, cancellationToken))
        {
            return TypedResults.Problem($"Subscription '{subscriptionId}' already bills another Partner Center subscription.", statusCode: StatusCodes.Status409Conflict,
                title: "Conflict; nothing was saved.");
        }
        link.SubscriptionId = subscriptionId;
        var customerId = await db.BillingContracts.Where(c => c.Id == subscription.ContractId).Select(c => c.CustomerId).FirstAsync(cancellationToken);
        var tenant = await db.PartnerCenterCustomers.FirstAsync(c => c.PartnerCenterCustomerId == link.PartnerCenterCustomerId, cancellationToken);
        tenant.CustomerId ??= customerId;
        // Linking is the answer to "not on a contract": that exception is settled by it.
        var missing = nameof(Integrations.PartnerCenter.Sync.SyncExceptionKind.MissingContract);
        await new WorkItemRaiser(db, time).SettleAsync(
            db.WorkItems.Where(i => i.Kind == WorkItemKind.SyncIssue && i.Code == missing && i.PartnerCenterSubscriptionId == partnerCenterSubscriptionId),
            new HashSet<string>(), user.Identity?.Name ?? "staff", $"linked to subscription {subscriptionId}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // An Azure plan's usage imported while its Partner Center id was unknown is billed from now on.
        await usage.AssignWaitingAsync(cancellationToken);
        return TypedResults.Ok();
    }

    /// <summary>
    /// Maps a Partner Center tenant (seen by a sync) to the Prorata customer it is billed as: from then on, that customer's
    /// purchases in Prorata are placed in the tenant. A tenant maps to one customer and a customer to one tenant.
    /// </summary>
    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> LinkCustomerAsync(string partnerCenterCustomerId, CustomerLinkRequest request,
        ProrataDbContext db, CancellationToken cancellationToken)
    {
        if (request.CustomerId is not { } customerId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["customerId"] = ["customerId is required; got nothing."] },
                title: "One or more fields are invalid; nothing was saved.");
        }
        var tenant = await db.PartnerCenterCustomers.FirstOrDefaultAsync(c => c.PartnerCenterCustomerId == partnerCenterCustomerId, cancellationToken);
        if (tenant is null)
        {
            return SaveResultHttp.NotFound($"No Partner Center customer has id '{partnerCenterCustomerId}'; run a sync first.");
        }
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["customerId"] = [$"No customer has id '{customerId}'."] },
                title: "One or more fields are invalid; nothing was saved.");
        }
        if (await db.PartnerCenterCustomers.AnyAsync(c => c.CustomerId == customerId && c.PartnerCenterCustomerId != partnerCenterCustomerId, cancellationToken)
            || (tenant.CustomerId is { } current && current != customerId))
        {
            return TypedResults.Problem($"Customer '{customerId}' or tenant '{partnerCenterCustomerId}' is already linked to another.", statusCode: StatusCodes.Status409Conflict,
                title: "Conflict; nothing was saved.");
        }
        tenant.CustomerId = customerId;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok();
    }

    /// <summary>Sends the Admin Agent to Microsoft's consent with a fresh random state, kept in a cookie for the callback to compare.</summary>
    private static Results<RedirectHttpResult, ProblemHttpResult> StartConsent(HttpContext context)
    {
        if (!context.RequestServices.GetRequiredService<PartnerCenterConnection>().Configured)
        {
            return Refused("partnerCenterNotConfigured", "PartnerCenter:TenantId and PartnerCenter:ApplicationId are not set.");
        }
        var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(ConsentStateCookie, state, new CookieOptions
        {
            HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromMinutes(15), Path = "/api/v1/partner-center/consent",
        });
        var uri = context.RequestServices.GetRequiredService<PartnerCenterCredentials>().GetConsentUri(state);
        return TypedResults.Redirect(uri.ToString());
    }

    private static async Task<Results<RedirectHttpResult, ValidationProblem, ProblemHttpResult>> CompleteConsentAsync(string? code, string? state, HttpContext context,
        CancellationToken cancellationToken)
    {
        var expected = context.Request.Cookies[ConsentStateCookie];
        if (string.IsNullOrEmpty(state) || expected is null || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(state), System.Text.Encoding.ASCII.GetBytes(expected)))
        {
            // A state this browser was not given: a forged or replayed callback (CSRF); the code is not redeemed.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"state does not match the consent this browser started; got '{state}'."] },
                title: "The consent callback is invalid; nothing was stored.");
        }
        if (string.IsNullOrEmpty(code))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["code is required; got nothing."] },
                title: "The consent callback is invalid; nothing was stored.");
        }
        context.Response.Cookies.Delete(ConsentStateCookie, new CookieOptions { Path = "/api/v1/partner-center/consent" });
        try
        {
            await context.RequestServices.GetRequiredService<PartnerCenterCredentials>().CompleteConsentAsync(code, cancellationToken);
        }
        catch (PartnerCenterException e)
        {
            return Refused("consentRefused", e.Message);
        }
        return TypedResults.LocalRedirect("/partner-center");
    }

    private static RedirectHttpResult StartForm(PartnerCenterSyncRuns runs, PartnerCenterConnection connection, ClaimsPrincipal user)
    {
        if (!connection.Configured)
        {
            return TypedResults.LocalRedirect("/partner-center");
        }
        runs.Start(full: false, user.Identity?.Name ?? "staff");
        return TypedResults.LocalRedirect("/partner-center");
    }
}
