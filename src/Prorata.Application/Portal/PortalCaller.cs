using Prorata.Application.Subscriptions;
using Prorata.Data.Portal;
using Prorata.Data.Subscriptions;

namespace Prorata.Application.Portal;

/// <summary>
/// The signed-in customer user a portal request comes from, read from the portal cookie alone. Every portal read and
/// write is scoped by <see cref="CustomerId"/>: another customer's id is simply not found.
/// </summary>
public sealed record PortalCaller(Guid CustomerId, Guid UserId, string Email, CustomerUserRole Role)
{
    public bool CanChange => Role == CustomerUserRole.Admin;

    public bool CanPay => Role is CustomerUserRole.Admin or CustomerUserRole.Billing;

    /// <summary>How the change log names a change made by this user.</summary>
    public ChangeActor Actor => new(Email, ChangeSource.Portal);
}
