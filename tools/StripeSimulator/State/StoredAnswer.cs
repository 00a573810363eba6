namespace StripeSimulator.State;

public sealed record StoredAnswer(string Fingerprint, int Status, string Body, string RequestId);
