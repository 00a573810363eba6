namespace Prorata.Web.Features.Settings;

/// <summary>A staff user as the Owner manages them: <see cref="PasswordSet"/> false until they use their set-password link.</summary>
public sealed record StaffUserResponse(string Id, string Email, string Role, bool Disabled, bool PasswordSet);

/// <summary>
/// A staff user and their one-time link to choose a password. The link is shown once and is the only way in until it
/// is used; it stops working when used, when another is made, or after a day.
/// </summary>
public sealed record StaffUserInvitation(StaffUserResponse User, string SetPasswordPath);
