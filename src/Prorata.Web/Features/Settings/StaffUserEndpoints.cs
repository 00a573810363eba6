using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Prorata.Data.Identity;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Http;
using Prorata.Web.Infrastructure.Persistence;
using Prorata.Application;

namespace Prorata.Web.Features.Settings;

/// <summary>
/// /api/v1/staff-users, the Owner's only: list, add (201 with the one-time set-password link), change role, disable,
/// enable, new link. The Settings page's per-row buttons post a form to /settings/staff-users/{id} and come back.
/// </summary>
public static class StaffUserEndpoints
{
    public static IEndpointRouteBuilder MapStaffUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff-users").WithTags("Staff users").RequireAuthorization(Policies.OwnerOnly);
        group.MapGet("/", async (StaffUsers staff, CancellationToken cancellationToken) => TypedResults.Ok(await staff.ListAsync(cancellationToken)))
            .WithName("ListStaffUsers")
            .WithSummary("List the staff users")
            .WithDescription("Every staff user with their role, whether they are disabled and whether they have set a password yet.");
        group.MapPost("/", AddAsync).WithName("AddStaffUser").ProducesValidationProblem()
            .WithSummary("Add a staff user")
            .WithDescription("Adds a user with an email and a role and answers 201 with setPasswordUrl, a one-time link (a day) for them to choose "
                + "their own password. A bad email or role is 400 naming it; a taken email 409.");
        group.MapPut("/{id}/role", ChangeRoleAsync).WithName("ChangeStaffUserRole").ProducesValidationProblem()
            .WithSummary("Change a staff user's role")
            .WithDescription("Changes the role and signs the user out everywhere. Demoting the last Owner who can sign in is 409.");
        group.MapPost("/{id}/disable", (string id, StaffUsers staff, ClaimsPrincipal user, UserManager<StaffUser> users, CancellationToken cancellationToken) =>
            SetDisabledAsync(id, true, staff, users.GetUserId(user)!, cancellationToken)).WithName("DisableStaffUser")
            .WithSummary("Disable a staff user")
            .WithDescription("Locks the user out and ends their sessions. Disabling yourself or the last Owner who can sign in is 409.");
        group.MapPost("/{id}/enable", (string id, StaffUsers staff, ClaimsPrincipal user, UserManager<StaffUser> users, CancellationToken cancellationToken) =>
            SetDisabledAsync(id, false, staff, users.GetUserId(user)!, cancellationToken)).WithName("EnableStaffUser")
            .WithSummary("Enable a staff user")
            .WithDescription("Lets a disabled user sign in again.");
        group.MapPost("/{id}/password-link", NewLinkAsync).WithName("NewStaffUserPasswordLink")
            .WithSummary("Make a new set-password link")
            .WithDescription("A new one-time link for the user to choose a password; the links made before stop working.");

        app.MapPost("/settings/staff-users/{id}", FormAsync).RequireAuthorization(Policies.OwnerOnly).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Created<InvitationResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        StaffUserRequest request, StaffUsers staff, PublicAddress address, CancellationToken cancellationToken)
    {
        var result = await staff.AddAsync(request.Email, request.Role, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Created($"/api/v1/staff-users/{result.Entity!.User.Id}", InvitationResponse.From(result.Entity, address)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    private static async Task<Results<Ok<StaffUserResponse>, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        string id, StaffUserRoleRequest request, StaffUsers staff, CancellationToken cancellationToken) =>
        Answer(await staff.ChangeRoleAsync(id, request.Role, cancellationToken));

    private static async Task<Results<Ok<StaffUserResponse>, ValidationProblem, ProblemHttpResult>> SetDisabledAsync(
        string id, bool disabled, StaffUsers staff, string actingUserId, CancellationToken cancellationToken) =>
        Answer(await staff.SetDisabledAsync(id, disabled, actingUserId, cancellationToken));

    private static async Task<Results<Ok<InvitationResponse>, ProblemHttpResult>> NewLinkAsync(string id, StaffUsers staff, PublicAddress address)
    {
        var result = await staff.NewLinkAsync(id);
        return result.Outcome == SaveOutcome.Saved ? TypedResults.Ok(InvitationResponse.From(result.Entity!, address)) : result.ToProblem();
    }

    /// <summary>The Settings page's per-row form: <paramref name="action"/> is role, disable or enable; the outcome comes back as the page's message.</summary>
    private static async Task<RedirectHttpResult> FormAsync(
        string id, [FromForm] string action, [FromForm] string? role, StaffUsers staff, ClaimsPrincipal user, UserManager<StaffUser> users, CancellationToken cancellationToken)
    {
        var result = action switch
        {
            "role" => await staff.ChangeRoleAsync(id, role, cancellationToken),
            "disable" => await staff.SetDisabledAsync(id, true, users.GetUserId(user)!, cancellationToken),
            "enable" => await staff.SetDisabledAsync(id, false, users.GetUserId(user)!, cancellationToken),
            _ => SaveResult<StaffUserResponse>.Invalid(new Dictionary<string, string[]> { ["action"] = [$"action must be role, disable or enable; got '{action}'."] }),
        };
        var message = result.Outcome == SaveOutcome.Saved
            ? $"{result.Entity!.Email}: {(result.Entity.Disabled ? "disabled" : "active")}, {result.Entity.Role}."
            : result.Message ?? string.Join(" ", result.Errors.Values.SelectMany(e => e));
        return TypedResults.LocalRedirect($"/settings?message={Uri.EscapeDataString(message)}#staff");
    }

    private static Results<Ok<StaffUserResponse>, ValidationProblem, ProblemHttpResult> Answer(SaveResult<StaffUserResponse> result) =>
        result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(result.Entity!),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
}
