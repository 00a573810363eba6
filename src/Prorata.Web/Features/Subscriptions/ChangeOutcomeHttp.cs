using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Subscriptions;
using Prorata.Web.Infrastructure.Persistence;
using Prorata.Application.Subscriptions;

namespace Prorata.Web.Features.Subscriptions;

/// <summary>
/// A refused change is 422 with the rule's stable code (STYLE: expected failures are values); Partner Center unreachable
/// or refusing our consent is 502 with its code. Either way nothing was written.
/// </summary>
public static class ChangeOutcomeHttp
{
    public static ProblemHttpResult ToProblem(this ChangeOutcome outcome) =>
        outcome switch
        {
            { Refusal: { Code: RefusalCode.PartnerCenterUnavailable or RefusalCode.PartnerCenterMfaRequired } failure } => TypedResults.Problem(failure.Message,
                statusCode: StatusCodes.Status502BadGateway, title: "Partner Center did not take the change; nothing was changed.",
                extensions: new Dictionary<string, object?> { ["code"] = failure.Code.ToString() }),
            { Refusal: { } refusal } => TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The change breaks a commerce rule; nothing was changed.", extensions: new Dictionary<string, object?> { ["code"] = refusal.Code.ToString() }),
            { NotFound: { } message } => SaveResultHttp.NotFound(message),
            _ => TypedResults.Problem("Another change of this subscription was recorded at the same moment; read it again and retry.",
                statusCode: StatusCodes.Status409Conflict, title: "Conflict; nothing was changed."),
        };

    public static ChangeActor StaffActor(ClaimsPrincipal user) => new(user.Identity?.Name ?? "staff", ChangeSource.Staff);
}
