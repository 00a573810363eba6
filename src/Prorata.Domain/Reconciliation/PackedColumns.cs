using System.Text;

namespace Prorata.Domain.Reconciliation;

/// <summary>
/// A file's columns that have no typed field, as one string per stored line, so that every column survives a restart
/// without a table column per name (Microsoft adds columns; microsoft-csp.md §9). Fields end with U+001F (unit
/// separator); a U+001F or U+001B inside a value is preceded by U+001B (escape), so any text round-trips.
/// <see cref="PackValues"/> writes values only, for lines that share their file's column names (a CSV header);
/// <see cref="PackPairs"/> writes names too, for JSON lines whose properties may differ from line to line.
/// </summary>
public static class PackedColumns
{
    internal const char End = '\u001F';
    internal const char Escape = '\u001B';

    public static string PackValues(IReadOnlyList<KeyValuePair<string, string>> columns)
    {
        if (columns.Count == 0)
        {
            return "";
        }
        if (columns is ExtraColumns extra && extra.TryPackValues(out var packed))
        {
            return packed;
        }
        var length = 0;
        var plain = true;
        for (var i = 0; i < columns.Count; i++)
        {
            var value = columns[i].Value;
            length += value.Length + 1;
            plain &= value.AsSpan().IndexOfAny(End, Escape) < 0;
        }
        if (!plain)
        {
            var text = new StringBuilder(length + 16);
            foreach (var (_, value) in columns)
            {
                Append(text, value);
            }
            return text.ToString();
        }
        // The common case, a million times per import: one allocation, no escaping.
        return string.Create(length, columns, static (chars, values) =>
        {
            var at = 0;
            for (var i = 0; i < values.Count; i++)
            {
                var value = values[i].Value;
                value.CopyTo(chars[at..]);
                at += value.Length;
                chars[at++] = End;
            }
        });
    }

    public static string PackPairs(IReadOnlyList<KeyValuePair<string, string>> columns)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in columns)
        {
            Append(text, name);
            Append(text, value);
        }
        return text.ToString();
    }

    /// <summary>The names of <see cref="PackPairs"/> alone: what an import stores once for the values of its lines.</summary>
    public static string PackNames(IReadOnlyList<string> names)
    {
        var text = new StringBuilder();
        foreach (var name in names)
        {
            Append(text, name);
        }
        return text.ToString();
    }

    public static IReadOnlyList<string> Unpack(string packed)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        for (var i = 0; i < packed.Length; i++)
        {
            var c = packed[i];
            if (c == Escape && i + 1 < packed.Length)
            {
                field.Append(packed[++i]);
            }
            else if (c == End)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        return fields;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> UnpackPairs(string packed)
    {
        var fields = Unpack(packed);
        var pairs = new KeyValuePair<string, string>[fields.Count / 2];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new KeyValuePair<string, string>(fields[2 * i], fields[(2 * i) + 1]);
        }
        return pairs;
    }

    /// <summary>Values packed by <see cref="PackValues"/> with the names packed by <see cref="PackNames"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> UnpackValues(IReadOnlyList<string> names, string packed)
    {
        var values = Unpack(packed);
        if (values.Count != names.Count)
        {
            throw new FormatException($"{values.Count} packed values for {names.Count} column names");
        }
        var pairs = new KeyValuePair<string, string>[names.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new KeyValuePair<string, string>(names[i], values[i]);
        }
        return pairs;
    }

    private static void Append(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            if (c is End or Escape)
            {
                text.Append(Escape);
            }
            text.Append(c);
        }
        text.Append(End);
    }
}
