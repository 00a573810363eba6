namespace Prorata.Integrations.ReconFiles;

/// <summary>Reads typed values from a record, refusing bad text with the row, the column and the value named.</summary>
internal static class TypedFields
{
    public static bool Present(FieldRow record, int field) => record.Has(field) && !record.Get(field).IsWhiteSpace();

    public static decimal Decimal(FieldRow record, ColumnSchema schema, int field)
    {
        var text = record.Get(field);
        return FieldText.TryParseDecimal(text, out var value) ? value : throw Refuse(record, schema, field, text, "is not a number");
    }

    public static decimal DecimalOr(FieldRow record, ColumnSchema schema, int field, decimal absent) =>
        Present(record, field) ? Decimal(record, schema, field) : absent;

    public static DateOnly Date(FieldRow record, ColumnSchema schema, int field)
    {
        var text = record.Get(field);
        return FieldText.TryParseDate(text, out var value) ? value : throw Refuse(record, schema, field, text, "is not a date");
    }

    public static DateOnly? OptionalDate(FieldRow record, ColumnSchema schema, int field) =>
        Present(record, field) ? Date(record, schema, field) : null;

    public static string Text(FieldRow record, ColumnSchema schema, int field)
    {
        var value = record.GetString(field);
        return value.Length > 0 ? value : throw Refuse(record, schema, field, "", "is empty");
    }

    public static ReconFileFormatException Refuse(FieldRow record, ColumnSchema schema, int field, ReadOnlySpan<char> text, string problem)
    {
        var value = text.ToString();
        return new ReconFileFormatException(record.Row, schema.Names[field], value,
            $"row {record.Row}, column {schema.Names[field]}: '{value}' {problem}");
    }
}
