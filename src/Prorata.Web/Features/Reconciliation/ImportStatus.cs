namespace Prorata.Web.Features.Reconciliation;

public enum ImportStatus
{
    Queued,
    Running,
    Done,
    Refused,
}
