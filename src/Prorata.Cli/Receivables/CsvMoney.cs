namespace Prorata.Cli.Receivables;

/// <summary>An amount for a CSV cell, written in its currency's minor units whatever scale the database kept (SQLite drops trailing zeros).</summary>
internal readonly record struct CsvMoney(decimal Amount, string Currency);
