using System.Globalization;

namespace Prorata.Bench;

/// <summary>
/// The system clock moved ahead by an offset that only grows. A payment worker jumps it to the next moment something in
/// the outbox comes due (a retry's back-off, a killed worker's lease) instead of waiting minutes in real time; with a file
/// the offset outlives the process, so a restarted worker never sees time go back.
/// </summary>
public sealed class BenchClock : TimeProvider
{
    private readonly string? _file;
    private TimeSpan _offset;

    public BenchClock(string? file = null)
    {
        _file = file;
        if (file is not null && File.Exists(file)) _offset = TimeSpan.FromTicks(long.Parse(File.ReadAllText(file), CultureInfo.InvariantCulture));
    }

    public TimeSpan Offset => _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    /// <summary>Moves the clock to <paramref name="moment"/> when that is later than now; saved before it is used.</summary>
    public void AdvanceTo(DateTimeOffset moment)
    {
        var offset = moment - System.GetUtcNow();
        if (offset <= _offset) return;
        if (_file is not null)
        {
            File.WriteAllText(_file + ".tmp", offset.Ticks.ToString(CultureInfo.InvariantCulture));
            File.Move(_file + ".tmp", _file, overwrite: true);
        }
        _offset = offset;
    }
}
