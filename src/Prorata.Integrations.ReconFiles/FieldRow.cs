namespace Prorata.Integrations.ReconFiles;

/// <summary>One record of a file, by typed field id, whatever the file format; read before the record is left behind.</summary>
internal abstract class FieldRow
{
    public abstract long Row { get; }

    /// <summary>Whether the file has the field at all (a CSV header column, a JSON property on this line).</summary>
    public abstract bool Has(int field);

    public abstract ReadOnlySpan<char> Get(int field);

    public abstract string GetString(int field);

    /// <summary>Every column that is not a typed field, by its name in the file.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string>> Extra();
}
