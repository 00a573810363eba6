namespace Prorata.Web.Features.PortalAdmin;

/// <param name="Email">The person's e-mail address; it signs in to this customer's portal only.</param>
/// <param name="Role">admin, billing or readOnly.</param>
public sealed record PortalInvitationRequest(string? Email, string? Role);
