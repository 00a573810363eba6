namespace Prorata.Application.Outbox;

/// <summary>
/// What a handler did with a message: delivered, refused for good (with why), or to be tried again later (with why, and
/// not before <see cref="NotBefore"/> when the outside system said how long to wait).
/// </summary>
public sealed record OutboxDelivery(OutboxOutcome Outcome, string? Reason = null, TimeSpan? NotBefore = null)
{
    public static readonly OutboxDelivery Done = new(OutboxOutcome.Delivered);

    public static OutboxDelivery Refused(string reason) => new(OutboxOutcome.Refused, reason);

    public static OutboxDelivery Later(string reason, TimeSpan? notBefore = null) => new(OutboxOutcome.RetryLater, reason, notBefore);

    /// <summary>Needs a person: the message fails at once with a work item saying what to check.</summary>
    public static OutboxDelivery ForAPerson(string reason) => new(OutboxOutcome.NeedsAPerson, reason);

    /// <summary>The handler gave up and raised its own work item (one that names the page to act on): the message fails without another.</summary>
    public static OutboxDelivery GaveUp(string reason) => new(OutboxOutcome.GaveUp, reason);
}

public enum OutboxOutcome
{
    Delivered,
    Refused,
    RetryLater,
    NeedsAPerson,
    GaveUp,
}
