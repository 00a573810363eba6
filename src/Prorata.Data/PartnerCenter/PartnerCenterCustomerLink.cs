using Prorata.Data.Customers;

namespace Prorata.Data.PartnerCenter;

/// <summary>
/// A customer tenant seen in Partner Center and the Prorata customer it is billed as. <see cref="CustomerId"/> stays null
/// until someone maps it: sync never guesses which customer a tenant belongs to.
/// </summary>
public sealed class PartnerCenterCustomerLink
{
    /// <summary>The customer's tenant id in Partner Center.</summary>
    public required string PartnerCenterCustomerId { get; set; }

    public required string CompanyName { get; set; }

    public string? Domain { get; set; }

    public Guid? CustomerId { get; set; }

    public Customer? Customer { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }
}
