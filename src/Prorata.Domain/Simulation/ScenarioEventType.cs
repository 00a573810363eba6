namespace Prorata.Domain.Simulation;

public enum ScenarioEventType
{
    Purchase,
    SetQuantity,
    Cancel,
    Suspend,
    Reactivate,
    SetAutoRenew,
    ScheduleRenewal,
    Upgrade,
    Usage,
}
