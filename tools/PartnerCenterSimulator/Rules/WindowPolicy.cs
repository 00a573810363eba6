namespace PartnerCenterSimulator.Rules;

/// <summary>
/// How the simulator words a closed window. Microsoft's list has both a day and an hour variant of each message
/// (900257/900214 for seats, 900117/900213 for cancellation); the window itself is 168 hours either way (§1.3).
/// </summary>
public enum WindowPolicy
{
    Days,
    Hours,
}
