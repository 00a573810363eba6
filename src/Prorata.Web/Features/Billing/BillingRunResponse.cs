namespace Prorata.Web.Features.Billing;

public sealed record BillingRunResponse(Guid Id, DateOnly Date, bool Issue, string StartedBy, DateTimeOffset StartedAt, bool Running,
    int Due, int Done, int Invoiced, int AlreadyBilled, int Failed, int Problems, bool Finished, string? Error)
{
    public static BillingRunResponse From(BillingRunStatus s) => new(s.Id, s.Date, s.Issue, s.StartedBy, s.StartedAt, s.Running,
        s.Progress.Due, s.Progress.Done, s.Progress.Invoiced, s.Progress.AlreadyBilled, s.Progress.Failed, s.Progress.Problems,
        s.Progress.Finished, s.Error);
}
