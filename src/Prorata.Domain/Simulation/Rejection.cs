using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Simulation;

/// <summary>A refused event of a scenario: its index in the file's events, the rule's code and a sentence.</summary>
public sealed record Rejection(int Event, RefusalCode Code, string Message);
