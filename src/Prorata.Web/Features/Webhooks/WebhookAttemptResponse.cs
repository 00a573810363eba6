using Prorata.Data.Webhooks;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Webhooks;

/// <summary>One POST: when, the status the endpoint answered (null without an answer), how long it took, what it led to, why it failed.</summary>
public sealed record WebhookAttemptResponse(int Number, DateTimeOffset At, int? StatusCode, int DurationMs, string Outcome, string? Error)
{
    public static WebhookAttemptResponse From(WebhookAttempt a) => new(a.Number, a.At, a.StatusCode, a.DurationMs, EnumText.ToWire(a.Outcome), a.Error);
}
