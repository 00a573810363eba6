namespace Prorata.Data.Outbox;

public enum OutboxState
{
    /// <summary>Waiting for the worker: written with the change that caused it, delivered after that change commits.</summary>
    Pending,

    /// <summary>
    /// The intent of a call made while a person waits for the answer (a seat change Microsoft may refuse), written before
    /// the call. Still in flight after its lease, the process stopped between the answer and the save: the worker settles it.
    /// </summary>
    InFlight,

    Delivered,

    /// <summary>The outside system refused it for good (a rule, not an outage); nothing to retry.</summary>
    Refused,

    /// <summary>Kept failing: a work item asks a person to look.</summary>
    Failed,
}
