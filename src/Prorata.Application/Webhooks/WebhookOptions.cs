using System.ComponentModel.DataAnnotations;

namespace Prorata.Application.Webhooks;

/// <summary>Configuration section "Prorata:Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string Section = "Prorata:Webhooks";

    /// <summary>How long an endpoint has to answer one attempt; no answer by then is a failed attempt, tried again later.</summary>
    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 10;
}
