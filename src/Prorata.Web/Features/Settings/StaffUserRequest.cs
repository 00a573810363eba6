namespace Prorata.Web.Features.Settings;

public sealed record StaffUserRequest(string? Email, string? Role);
