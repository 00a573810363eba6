using Prorata.Domain.Simulation;

namespace Prorata.Web.Features.Simulations;

/// <summary>
/// What one simulation may ask of the engine (any staff role may run one): a scenario of at most
/// <see cref="MaxScenarioBytes"/> and <see cref="MaxEvents"/> events, billed at most <see cref="MaxHorizonYears"/> years
/// past its first event, answering at most <see cref="MaxOutputBytes"/>. Checked before the engine runs, so an 11 KB
/// scenario billed until 2525 is refused in milliseconds instead of running for a minute and answering 222 MB.
/// </summary>
public static class ScenarioLimits
{
    public const int MaxScenarioBytes = 256 * 1024;
    public const int MaxEvents = 1_000;
    public const int MaxPriceListRows = 10_000;
    public const int MaxContracts = 1_000;
    public const int MaxHorizonYears = 10;
    public const int MaxOutputBytes = 16 * 1024 * 1024;

    /// <summary>The engine's calendar: NCE began in 2022; nothing is billed before 2000 or after 2199.</summary>
    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    public static readonly DateOnly LastDay = new(2199, 12, 31);

    /// <exception cref="ScenarioFormatException">The scenario is past a limit; the field and the limit are named.</exception>
    public static void Check(Scenario scenario)
    {
        if (scenario.Events.Count > MaxEvents)
        {
            throw new ScenarioFormatException("events", $"at most {MaxEvents:N0} events are simulated; got {scenario.Events.Count:N0}");
        }
        if (scenario.PriceList.Count > MaxPriceListRows)
        {
            throw new ScenarioFormatException("priceList", $"at most {MaxPriceListRows:N0} rows are simulated; got {scenario.PriceList.Count:N0}");
        }
        if (scenario.Contracts.Count > MaxContracts)
        {
            throw new ScenarioFormatException("contracts", $"at most {MaxContracts:N0} contracts are simulated; got {scenario.Contracts.Count:N0}");
        }
        if (scenario.Events.Count == 0)
        {
            return;
        }
        var first = DateOnly.FromDateTime(scenario.Events.Min(e => e.At).UtcDateTime);
        var horizon = first.Year > DateOnly.MaxValue.Year - MaxHorizonYears ? DateOnly.MaxValue : first.AddYears(MaxHorizonYears);
        if (scenario.BillUntil > horizon)
        {
            throw new ScenarioFormatException("billUntil",
                $"must be at most {MaxHorizonYears} years after the first event ({first:yyyy-MM-dd}), so by {horizon:yyyy-MM-dd}; got {scenario.BillUntil:yyyy-MM-dd}");
        }
        var last = scenario.Events.MaxBy(e => e.At)!;
        if (DateOnly.FromDateTime(last.At.UtcDateTime) > horizon)
        {
            throw new ScenarioFormatException($"events[{last.Index}].at",
                $"must be at most {MaxHorizonYears} years after the first event ({first:yyyy-MM-dd}); got {last.At:yyyy-MM-dd}");
        }
        if (scenario.BillUntil < FirstDay || scenario.BillUntil > LastDay)
        {
            throw new ScenarioFormatException("billUntil", $"must be between {FirstDay:yyyy-MM-dd} and {LastDay:yyyy-MM-dd}; got {scenario.BillUntil:yyyy-MM-dd}");
        }
        if (scenario.Events.FirstOrDefault(e => DateOnly.FromDateTime(e.At.UtcDateTime) < FirstDay || DateOnly.FromDateTime(e.At.UtcDateTime) > LastDay) is { } outside)
        {
            throw new ScenarioFormatException($"events[{outside.Index}].at", $"must be between {FirstDay:yyyy-MM-dd} and {LastDay:yyyy-MM-dd}; got {outside.At:yyyy-MM-dd}");
        }
    }
}
