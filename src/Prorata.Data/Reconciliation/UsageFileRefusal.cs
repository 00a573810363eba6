namespace Prorata.Data.Reconciliation;

/// <summary>Why a usage file was refused, naming where: the file's row, the column and the value found.</summary>
public sealed record UsageFileRefusal(long Row, string? Column, string? Value, string Message);
