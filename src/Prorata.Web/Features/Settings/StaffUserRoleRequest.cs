namespace Prorata.Web.Features.Settings;

public sealed record StaffUserRoleRequest(string? Role);
