namespace Prorata.Web.Features.PartnerCenter;

public sealed record SyncRunResponse(Guid Id, bool Full, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, bool Running,
    string Stage, int Done, int Total, int CustomersImported, int SubscriptionsImported, int ChangesImported, int IssuesRaised, string? Error)
{
    public static SyncRunResponse From(SyncRunStatus s) => new(s.Id, s.Full, s.StartedBy, s.StartedAt, s.FinishedAt, s.Running,
        s.Progress.Stage, s.Progress.Done, s.Progress.Total, s.Outcome?.CustomersImported ?? 0, s.Outcome?.SubscriptionsImported ?? 0,
        s.Outcome?.ChangesImported ?? 0, s.Outcome?.IssuesRaised ?? 0, s.Error);
}
