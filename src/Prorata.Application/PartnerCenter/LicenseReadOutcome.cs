namespace Prorata.Application.PartnerCenter;

/// <summary>
/// What one read of the tenants' licenses stored: tenants read, subscriptions whose license SKU they list, and the tenants
/// Partner Center would not answer for (with its reason), whose stored licenses keep their older read time.
/// </summary>
public sealed record LicenseReadOutcome(DateTimeOffset ReadAt, int TenantsRead, int SubscriptionsRead, IReadOnlyList<string> Failures);
