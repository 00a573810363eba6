namespace Prorata.Application.Outbox;

/// <summary>What a handler did with a message: delivered, refused for good (with why), or to be tried again later (with why).</summary>
public sealed record OutboxDelivery(OutboxOutcome Outcome, string? Reason = null)
{
    public static readonly OutboxDelivery Done = new(OutboxOutcome.Delivered);

    public static OutboxDelivery Refused(string reason) => new(OutboxOutcome.Refused, reason);

    public static OutboxDelivery Later(string reason) => new(OutboxOutcome.RetryLater, reason);

    /// <summary>Needs a person: the message fails at once with a work item saying what to check.</summary>
    public static OutboxDelivery ForAPerson(string reason) => new(OutboxOutcome.NeedsAPerson, reason);
}

public enum OutboxOutcome
{
    Delivered,
    Refused,
    RetryLater,
    NeedsAPerson,
}
