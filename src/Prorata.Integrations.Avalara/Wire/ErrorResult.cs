namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's error body: <c>{"error": {"code", "message", "target", "details": [...]}}</c>.</summary>
public sealed record ErrorResult(ErrorInfo? Error);
