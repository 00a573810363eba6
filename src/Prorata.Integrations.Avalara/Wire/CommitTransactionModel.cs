namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's CommitTransactionModel.</summary>
public sealed record CommitTransactionModel(bool Commit);
