using System.Diagnostics;

namespace Prorata.Application.Telemetry;

/// <summary>
/// Prorata's spans (activity source <see cref="SourceName"/>): a billing run, each outbox delivery, a Partner Center sync.
/// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null while nobody listens, so an installation
/// without tracing pays nothing for them.
/// </summary>
public static class ProrataActivities
{
    public const string SourceName = "Prorata";

    public static readonly ActivitySource Source = new(SourceName);
}
