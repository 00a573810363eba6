namespace GoCardlessSimulator.Webhooks;

/// <summary>One POST of a webhook: its id (WB…), which try it was, the answer's status (0 when none came), and what was sent.</summary>
public sealed record WebhookDelivery(string WebhookId, int Attempt, int Status, IReadOnlyList<string> EventIds, string Body, string Signature);
