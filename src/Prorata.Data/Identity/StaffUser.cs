using Microsoft.AspNetCore.Identity;

namespace Prorata.Data.Identity;

/// <summary>A partner employee who signs in to Prorata; what they may do comes from their <see cref="StaffRoles"/>.</summary>
public sealed class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
