namespace Prorata.Application.Webhooks;

/// <summary>A webhook subscription as a person or a caller sends it; <see cref="Active"/> null keeps the current state (a new one is active).</summary>
public sealed record WebhookDraft(string? Url, IReadOnlyList<string>? EventTypes, string? Description, bool? Active);
