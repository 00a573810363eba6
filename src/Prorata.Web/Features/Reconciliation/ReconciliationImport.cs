using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// One imported recon file and, once matched, its outcome: the summary, missing charges and unbilled lines. Its lines,
/// discrepancies included, are in the database only and read from there a page at a time, so memory does not grow with
/// the file (4.8 million discrepancies held 13 GB). A refused file keeps its error and nothing else: nothing of it is stored.
/// Written by the import worker, read by requests: the worker publishes results with one volatile write of
/// <see cref="Status"/> after filling them.
/// </summary>
public sealed class ReconciliationImport(Guid id, string fileName, string sha256, string? scenarioName, DateTimeOffset receivedAt)
{
    private long rowsRead;
    private volatile ImportStatus status = ImportStatus.Queued;

    public Guid Id { get; } = id;

    public string FileName { get; } = fileName;

    public string Sha256 { get; } = sha256;

    public string? ScenarioName { get; } = scenarioName;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public ImportStatus Status => status;

    public long RowsRead => Interlocked.Read(ref rowsRead);

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? Error { get; private set; }

    public ReconSummary? Summary { get; private set; }

    public IReadOnlyList<MissingCharge> Missing { get; private set; } = [];

    /// <summary>How many lines have unbilled revenue; the lines themselves are read from the database a page at a time.</summary>
    public int UnbilledLines { get; private set; }

    public decimal UnbilledTotal { get; private set; }

    /// <summary>When the import was withdrawn; it stays listed, but no result counts it.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawnBy { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public double Seconds => FinishedAt is { } end ? (end - ReceivedAt).TotalSeconds : 0;

    internal void Start() => status = ImportStatus.Running;

    internal void Progress(long rows) => Interlocked.Exchange(ref rowsRead, rows);

    internal void Complete(ReconSummary summary, IReadOnlyList<MissingCharge> missing, UnbilledRevenue unbilled, DateTimeOffset at)
    {
        Summary = summary;
        Missing = missing;
        UnbilledLines = unbilled.Count;
        UnbilledTotal = unbilled.Total;
        FinishedAt = at;
        status = ImportStatus.Done;
    }

    /// <summary>An import read back from the database; in the list, with its summary only (missing and unbilled are read when it is opened).</summary>
    internal void Restore(long rows, ReconSummary summary, decimal unbilledTotal, DateTimeOffset finishedAt,
        IReadOnlyList<MissingCharge> missing, int unbilledLines)
    {
        Interlocked.Exchange(ref rowsRead, rows);
        Summary = summary;
        Missing = missing;
        UnbilledLines = unbilledLines;
        UnbilledTotal = unbilledTotal;
        FinishedAt = finishedAt;
        status = ImportStatus.Done;
    }

    internal void Withdraw(DateTimeOffset at, string? by, string? reason)
    {
        WithdrawnBy = by;
        WithdrawalReason = reason;
        WithdrawnAt = at;
    }

    internal void Refuse(string error, DateTimeOffset at)
    {
        Error = error;
        FinishedAt = at;
        status = ImportStatus.Refused;
    }
}
