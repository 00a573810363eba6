namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's CreateOrAdjustTransactionModel: the body of <c>POST /api/v2/transactions/createoradjust</c>.</summary>
public sealed record CreateOrAdjustTransactionModel
{
    /// <summary>AvaTax's AdjustmentReason, used only when a transaction with this code already exists.</summary>
    public string? AdjustmentReason { get; init; }

    public string? AdjustmentDescription { get; init; }

    public required CreateTransactionModel CreateTransactionModel { get; init; }
}
