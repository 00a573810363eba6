using System.Text;
using Prorata.Domain.Reconciliation;
using Sylvan.Data.Csv;

namespace Prorata.Integrations.ReconFiles;

/// <summary>
/// Streams the records of a Microsoft CSV file through Sylvan's reader: one buffer, fields read as spans, never the
/// file in memory. Checks the header against the schema before the first record, and each record's field count
/// so that a truncated file fails on its last row instead of importing a short line. Bounded by <see cref="FileLimits"/>:
/// a record longer than a line may be, more columns or rows than allowed, and bytes that are not UTF-8 (decoded as
/// U+FFFD, then refused naming the row) stop the file.
/// </summary>
internal sealed class CsvRecords : FieldRow, IDisposable
{
    private const int BufferChars = 1 << 16;

    private readonly StreamReader text;
    private readonly CsvDataReader csv;
    private readonly ColumnSchema schema;
    private readonly FileLimits limits;
    private readonly NoticedReplacementFallback invalid;
    private readonly int[] ordinalOf;
    private readonly RecentStrings[] strings;
    private readonly int[] extraOrdinals;
    private readonly string[] extraNames;
    private long row = 1;

    private CsvRecords(StreamReader text, CsvDataReader csv, ColumnSchema schema, FileLimits limits, NoticedReplacementFallback invalid)
    {
        this.invalid = invalid;
        this.text = text;
        this.csv = csv;
        this.schema = schema;
        this.limits = limits;
        if (csv.FieldCount > limits.MaxColumns)
        {
            throw new ReconFileFormatException(1, null, null,
                $"row 1: the header has {csv.FieldCount} columns; at most {limits.MaxColumns} are accepted ({FileLimits.Section}:MaxColumns)");
        }
        ordinalOf = new int[schema.Names.Length];
        Array.Fill(ordinalOf, -1);
        strings = new RecentStrings[schema.Names.Length];
        var others = new List<(int Ordinal, string Name)>();
        for (var ordinal = 0; ordinal < csv.FieldCount; ordinal++)
        {
            var name = csv.GetName(ordinal);
            if (schema.TryFind(name, out var field))
            {
                if (ordinalOf[field] >= 0)
                {
                    throw new ReconFileFormatException(1, schema.Names[field], name,
                        $"row 1: column {schema.Names[field]} appears twice in the header");
                }
                ordinalOf[field] = ordinal;
                strings[field] = new RecentStrings();
            }
            else
            {
                others.Add((ordinal, name));
            }
        }
        extraOrdinals = others.ConvertAll(o => o.Ordinal).ToArray();
        extraNames = others.ConvertAll(o => o.Name).ToArray();
        foreach (var group in schema.Required)
        {
            if (Array.TrueForAll(group, f => ordinalOf[f] < 0))
            {
                var wanted = string.Join(" or ", Array.ConvertAll(group, f => schema.Names[f]));
                throw new ReconFileFormatException(1, schema.Names[group[0]], null,
                    $"row 1: required column {wanted} is missing from the header (found: {Header()})");
            }
        }
    }

    public override long Row => row;

    public static CsvRecords Open(Stream stream, ColumnSchema schema, FileLimits? limits = null)
    {
        limits ??= FileLimits.Default;
        var invalid = new NoticedReplacementFallback();
        var utf8 = Encoding.GetEncoding(Encoding.UTF8.CodePage, EncoderFallback.ReplacementFallback, invalid);
        var text = new StreamReader(stream, utf8, detectEncodingFromByteOrderMarks: true, BufferChars, leaveOpen: true);
        try
        {
            var options = new CsvDataReaderOptions
            {
                HasHeaders = true,
                Delimiter = ',',
                HeaderComparer = StringComparer.OrdinalIgnoreCase,
                BufferSize = BufferChars,
                // A record longer than a line may be stops the file instead of growing the buffer without end.
                MaxBufferSize = Math.Max(BufferChars, limits.MaxLineBytes * 2),
            };
            var csv = CsvDataReader.Create(text, options);
            return new CsvRecords(text, csv, schema, limits, invalid);
        }
        catch (CsvRecordTooLargeException e)
        {
            text.Dispose();
            throw new ReconFileFormatException(1, null, null, $"row 1: the header is longer than {limits.MaxLineBytes:N0} bytes ({FileLimits.Section}:MaxLineBytes)", e);
        }
        catch (CsvFormatException e)
        {
            text.Dispose();
            throw new ReconFileFormatException(1, null, null, $"row 1: the header is not valid CSV ({e.Message})", e);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    public bool Next()
    {
        bool read;
        try
        {
            read = csv.Read();
        }
        catch (CsvRecordTooLargeException e)
        {
            throw TooLong(e);
        }
        catch (CsvFormatException e)
        {
            throw NotCsv(e);
        }
        return read && Counted();
    }

    public async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        bool read;
        try
        {
            read = await csv.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvRecordTooLargeException e)
        {
            throw TooLong(e);
        }
        catch (CsvFormatException e)
        {
            throw NotCsv(e);
        }
        return read && Counted();
    }

    public override bool Has(int field) => ordinalOf[field] >= 0;

    public override ReadOnlySpan<char> Get(int field) =>
        ordinalOf[field] < 0 ? default : csv.GetFieldSpan(ordinalOf[field]);

    public override string GetString(int field) =>
        ordinalOf[field] < 0 ? "" : strings[field].Get(csv.GetFieldSpan(ordinalOf[field]));

    public override IReadOnlyList<KeyValuePair<string, string>> Extra()
    {
        if (extraOrdinals.Length == 0)
        {
            return [];
        }
        var ends = new int[extraOrdinals.Length];
        var length = 0;
        for (var i = 0; i < ends.Length; i++)
        {
            length += csv.GetFieldSpan(extraOrdinals[i]).Length;
            ends[i] = length;
        }
        var text = string.Create(length, this, static (chars, records) =>
        {
            var at = 0;
            foreach (var ordinal in records.extraOrdinals)
            {
                var value = records.csv.GetFieldSpan(ordinal);
                value.CopyTo(chars[at..]);
                at += value.Length;
            }
        });
        return new ExtraColumns(extraNames, text, ends);
    }

    public void Dispose()
    {
        csv.Dispose();
        text.Dispose();
    }

    private ReconFileFormatException NotCsv(CsvFormatException e) =>
        new(row + 1, null, null, $"row {row + 1}: not valid CSV, the file may be truncated ({e.Message})", e);

    private ReconFileFormatException TooLong(CsvRecordTooLargeException e) =>
        new(row + 1, null, null, $"row {row + 1}: longer than {limits.MaxLineBytes:N0} bytes ({FileLimits.Section}:MaxLineBytes)", e);

    // A record with fewer or more fields than the header is a cut or malformed row: refused, never padded. Bytes that are
    // not UTF-8 were decoded as U+FFFD: refused too, rather than stored as question marks.
    private bool Counted()
    {
        row++;
        if (row > limits.MaxRows)
        {
            throw new ReconFileFormatException(row, null, null, $"row {row}: the file has more than {limits.MaxRows:N0} rows ({FileLimits.Section}:MaxRows)");
        }
        if (csv.RowFieldCount != csv.FieldCount)
        {
            throw new ReconFileFormatException(row, null, null,
                $"row {row}: {csv.RowFieldCount} fields where the header has {csv.FieldCount}: the file is truncated or the row is malformed");
        }
        // The decoder read ahead, so the bad bytes may be in a later row: once it met some, every row is searched.
        for (var ordinal = 0; invalid.Used && ordinal < csv.FieldCount; ordinal++)
        {
            if (csv.GetFieldSpan(ordinal).Contains('\uFFFD'))
            {
                var column = csv.GetName(ordinal);
                throw new ReconFileFormatException(row, column, null, $"row {row}, column {column}: the text is not valid UTF-8");
            }
        }
        return true;
    }

    private string Header()
    {
        var names = new string[csv.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = csv.GetName(i);
        }
        return string.Join(", ", names);
    }
}
