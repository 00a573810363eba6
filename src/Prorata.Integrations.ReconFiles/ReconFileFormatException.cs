namespace Prorata.Integrations.ReconFiles;

/// <summary>
/// A reconciliation file Prorata refuses, naming where: <see cref="Row"/> is the 1-based line of the file (the CSV
/// header is row 1; the first JSON line is row 1), <see cref="Column"/> the canonical column name and
/// <see cref="Value"/> the text found. The import that hits it must store nothing of the file.
/// </summary>
public sealed class ReconFileFormatException : Exception
{
    public ReconFileFormatException(long row, string? column, string? value, string message)
        : base(message)
    {
        Row = row;
        Column = column;
        Value = value;
    }

    public ReconFileFormatException(long row, string? column, string? value, string message, Exception inner)
        : base(message, inner)
    {
        Row = row;
        Column = column;
        Value = value;
    }

    public long Row { get; }

    public string? Column { get; }

    public string? Value { get; }
}
