namespace ReconFileGenerator;

/// <summary>A value planted in one cell to test refusal: <see cref="Row"/> is the 1-based file row, header = 1.</summary>
public sealed record BadValue(long Row, string Column, string Value);
