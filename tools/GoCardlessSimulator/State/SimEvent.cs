namespace GoCardlessSimulator.State;

public sealed record SimEvent(
    string Id, DateTimeOffset CreatedAt, string ResourceType, string Action, IReadOnlyDictionary<string, string> Links, EventDetails Details);
