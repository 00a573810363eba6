using Prorata.Data.Audit;

namespace Prorata.Web.Features.Audit;

/// <summary>
/// Who the audit log names for a save: the request's user as every other record names them (the staff user's e-mail, or
/// "API key {name} (prk_…)" for an API key, <see cref="Subscriptions.ChangeOutcomeHttp.StaffActor"/>), and "system" when no
/// one is signed in (background jobs, the first Owner's set-up).
/// </summary>
public static class AuditActorName
{
    public static Func<string> From(IHttpContextAccessor accessor) => () =>
        accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : AuditRecorder.SystemActor;
}
