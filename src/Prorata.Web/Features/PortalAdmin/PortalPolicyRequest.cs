namespace Prorata.Web.Features.PortalAdmin;

/// <param name="ApprovalAbove">
/// A purchase or seat change adding more than this to the next invoice (in its currency) waits for staff approval; null: none does.
/// </param>
public sealed record PortalPolicyRequest(decimal? ApprovalAbove);
