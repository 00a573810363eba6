namespace Prorata.Domain.Simulation;

/// <summary>What a customer of a simulation still owes in a currency (<see cref="Open"/>) and the credit it has in it.</summary>
public sealed record ScenarioCustomerBalance(string Customer, string Currency, decimal Open, decimal Credit);
