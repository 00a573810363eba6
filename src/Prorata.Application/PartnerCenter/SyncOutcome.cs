namespace Prorata.Application.PartnerCenter;

/// <summary>What one sync wrote: customers and subscriptions first seen, change-log entries added, exceptions newly raised.</summary>
public sealed record SyncOutcome(bool Full, int CustomersImported, int SubscriptionsImported, int ChangesImported, int IssuesRaised);
