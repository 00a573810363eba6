using System.ComponentModel.DataAnnotations;

namespace Prorata.Web.Features.Outbox;

/// <summary>Configuration section "Prorata:Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Prorata:Outbox";

    /// <summary>Seconds between two looks at the outbox when nothing signalled a new message.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;
}
