namespace Prorata.Web.Features.Webhooks;

/// <summary>A new signing secret; the previous one signs beside it for <see cref="GraceHours"/> (default 24, 0 to 168).</summary>
public sealed record RotateSecretRequest(int? GraceHours);
