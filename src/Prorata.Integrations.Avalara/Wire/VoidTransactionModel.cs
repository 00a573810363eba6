namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's VoidTransactionModel; <c>DocVoided</c> is the code that voids a document (AvaTax refuses a void without one).</summary>
public sealed record VoidTransactionModel(string Code);
