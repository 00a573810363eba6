namespace Prorata.Domain.Simulation;

/// <summary>A scenario's <c>creditHold</c> event: a staff member puts the customer on hold or lifts their own hold.</summary>
public sealed record ScenarioCreditHold(int Index, DateTimeOffset At, string Customer, bool Enabled);
