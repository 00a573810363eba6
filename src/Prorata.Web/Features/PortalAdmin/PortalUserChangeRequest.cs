namespace Prorata.Web.Features.PortalAdmin;

/// <param name="Role">admin, billing or readOnly; absent: unchanged.</param>
/// <param name="Disabled">true disables the user (its sessions end), false enables it; absent: unchanged.</param>
public sealed record PortalUserChangeRequest(string? Role, bool? Disabled);
