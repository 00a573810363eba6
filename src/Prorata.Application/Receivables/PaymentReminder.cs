namespace Prorata.Application.Receivables;

/// <summary>The outbox payload of a payment reminder: the dunning step it sends.</summary>
public sealed record PaymentReminder(Guid StepId);
