using System.Collections;

namespace Prorata.Domain.Reconciliation;

/// <summary>
/// The columns of a recon line that have no typed field, stored as one string per line with the end of each value,
/// and the names shared by every line of the file. A million-line import thus allocates two objects per line for
/// them instead of one string per cell; a value becomes a string only when someone reads it.
/// </summary>
public sealed class ExtraColumns : IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly IReadOnlyList<string> names;
    private readonly string text;
    private readonly int[] ends;

    /// <param name="names">The column names, in file order, shared by all lines of one file.</param>
    /// <param name="text">The values concatenated in the same order.</param>
    /// <param name="ends">The exclusive end of each value in <paramref name="text"/>.</param>
    public ExtraColumns(IReadOnlyList<string> names, string text, int[] ends)
    {
        if (names.Count != ends.Length)
        {
            throw new ArgumentException($"{names.Count} names but {ends.Length} values", nameof(ends));
        }
        this.names = names;
        this.text = text;
        this.ends = ends;
    }

    /// <summary>The column names, the same instance for every line of one file.</summary>
    public IReadOnlyList<string> Names => names;

    public int Count => ends.Length;

    public KeyValuePair<string, string> this[int index]
    {
        get
        {
            var start = index == 0 ? 0 : ends[index - 1];
            return new KeyValuePair<string, string>(names[index], text[start..ends[index]]);
        }
    }

    /// <summary>
    /// <see cref="PackedColumns.PackValues"/> straight from the line's one string, without a string per value: the
    /// stored form of a million-line import. False when a value needs escaping (then the general path does it).
    /// </summary>
    internal bool TryPackValues(out string packed)
    {
        if (text.AsSpan().IndexOfAny(PackedColumns.End, PackedColumns.Escape) >= 0)
        {
            packed = "";
            return false;
        }
        packed = string.Create(text.Length + ends.Length, this, static (chars, columns) =>
        {
            var at = 0;
            var start = 0;
            foreach (var end in columns.ends)
            {
                columns.text.AsSpan(start, end - start).CopyTo(chars[at..]);
                at += end - start;
                chars[at++] = PackedColumns.End;
                start = end;
            }
        });
        return true;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < ends.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
