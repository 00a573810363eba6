using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Prorata.Integrations.ReconFiles;

/// <summary>
/// Streams the records of a gzip-compressed JSON Lines file as the Graph billing export delivers it: one object per
/// line, camelCase names, numbers sometimes written as strings. Holds one line at a time. .NET's GZipStream ends
/// quietly on a cut file, so the gzip trailer's length (ISIZE, RFC 1952 §2.3.1) is checked against the bytes read.
/// Bounded by <see cref="FileLimits"/>: a line longer than allowed (a gzip bomb of zeros has no line end at all), more
/// decompressed bytes, rows or properties than allowed, and text that is not UTF-8 stop the file, naming the row.
/// </summary>
internal sealed class JsonLinesRecords : FieldRow, IDisposable
{
    private const int InitialBuffer = 1 << 16;

    private readonly TailStream compressed;
    private readonly GZipStream gzip;
    private readonly ColumnSchema schema;
    private readonly FileLimits limits;
    private readonly string?[] values;
    private readonly List<KeyValuePair<string, string>> extra = [];
    private readonly RecentStrings names = new();
    private byte[] buffer = new byte[InitialBuffer];
    private int start;
    private int end;
    private long decompressedBytes;
    private bool finished;
    private long row;

    private JsonLinesRecords(Stream stream, ColumnSchema schema, FileLimits limits)
    {
        compressed = new TailStream(stream);
        gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        this.schema = schema;
        this.limits = limits;
        values = new string?[schema.Names.Length];
    }

    public override long Row => row;

    public static JsonLinesRecords Open(Stream stream, ColumnSchema schema, FileLimits? limits = null) => new(stream, schema, limits ?? FileLimits.Default);

    public bool Next()
    {
        while (true)
        {
            var line = NextLine();
            if (line is null)
            {
                return false;
            }
            row++;
            if (row > limits.MaxRows)
            {
                throw new ReconFileFormatException(row, null, null, $"row {row}: the file has more than {limits.MaxRows:N0} rows ({FileLimits.Section}:MaxRows)");
            }
            var bytes = line.Value.Span;
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
            {
                bytes = bytes[..^1];
            }
            if (bytes.IsEmpty || bytes.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
            {
                continue;
            }
            Parse(bytes);
            foreach (var group in schema.Required)
            {
                if (Array.TrueForAll(group, f => values[f] is null))
                {
                    throw new ReconFileFormatException(row, schema.Names[group[0]], null,
                        $"row {row}, column {schema.Names[group[0]]}: missing from the record");
                }
            }
            return true;
        }
    }

    public override bool Has(int field) => values[field] is not null;

    public override ReadOnlySpan<char> Get(int field) => values[field];

    public override string GetString(int field) => values[field] ?? "";

    public override IReadOnlyList<KeyValuePair<string, string>> Extra() => extra.ToArray();

    public void Dispose()
    {
        gzip.Dispose();
        compressed.Dispose();
    }

    private ReadOnlyMemory<byte>? NextLine()
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = new ReadOnlyMemory<byte>(buffer, start, newline);
                start += newline + 1;
                return line;
            }
            if (finished)
            {
                if (start == end)
                {
                    return null;
                }
                var last = new ReadOnlyMemory<byte>(buffer, start, end - start);
                start = end;
                return last;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length)
        {
            if (buffer.Length >= limits.MaxLineBytes)
            {
                throw new ReconFileFormatException(row + 1, null, null,
                    $"row {row + 1}: longer than {limits.MaxLineBytes:N0} bytes ({FileLimits.Section}:MaxLineBytes): not a line of a Microsoft export");
            }
            Array.Resize(ref buffer, Math.Min(buffer.Length * 2, limits.MaxLineBytes + 1));
        }
        int read;
        try
        {
            read = gzip.Read(buffer, end, buffer.Length - end);
        }
        catch (InvalidDataException e)
        {
            throw new ReconFileFormatException(row + 1, null, null, $"row {row + 1}: the gzip data is corrupt ({e.Message})", e);
        }
        if (read == 0)
        {
            finished = true;
            CheckTrailer();
            return;
        }
        decompressedBytes += read;
        if (decompressedBytes > limits.MaxDecompressedBytes)
        {
            throw new ReconFileFormatException(row + 1, null, null,
                $"row {row + 1}: the file decompresses to more than {limits.MaxDecompressedBytes:N0} bytes ({FileLimits.Section}:MaxDecompressedBytes)");
        }
        end += read;
    }

    private void CheckTrailer()
    {
        var tail = compressed.Tail;
        if (tail.Length < 8 || BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]) != (uint)decompressedBytes)
        {
            throw new ReconFileFormatException(row + 1, null, null,
                $"row {row + 1}: the gzip file is truncated ({decompressedBytes} bytes decompressed, the trailer disagrees)");
        }
    }

    private void Parse(ReadOnlySpan<byte> line)
    {
        Array.Clear(values);
        extra.Clear();
        try
        {
            var json = new Utf8JsonReader(line);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                throw new ReconFileFormatException(row, null, null, $"row {row}: not a JSON object");
            }
            Span<char> name = stackalloc char[256];
            var properties = 0;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (++properties > limits.MaxColumns)
                {
                    throw new ReconFileFormatException(row, null, null,
                        $"row {row}: more than {limits.MaxColumns} properties ({FileLimits.Section}:MaxColumns)");
                }
                var length = json.CopyString(name);
                json.Read();
                var value = ValueText(ref json, line);
                if (schema.TryFind(name[..length].ToString(), out var field))
                {
                    values[field] = value;
                }
                else
                {
                    extra.Add(new KeyValuePair<string, string>(names.Get(name[..length]), value ?? ""));
                }
            }
            if (json.TokenType != JsonTokenType.EndObject)
            {
                throw new ReconFileFormatException(row, null, null, $"row {row}: the JSON object is not closed");
            }
        }
        catch (JsonException e)
        {
            throw new ReconFileFormatException(row, null, null, $"row {row}: not valid JSON, the file may be truncated ({e.Message})", e);
        }
        catch (ArgumentException e)
        {
            throw new ReconFileFormatException(row, null, null, $"row {row}: a property name is too long ({e.Message})", e);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader turns a string into UTF-16 only when asked, and refuses bytes that are not UTF-8 then.
            throw new ReconFileFormatException(row, null, null, $"row {row}: the text is not valid UTF-8 ({e.Message})", e);
        }
    }

    private static string? ValueText(ref Utf8JsonReader json, ReadOnlySpan<byte> line)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                return json.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(json.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return "";
            default:
                // An object or array (attributes, productQualifiers) is kept as its JSON text.
                var from = (int)json.TokenStartIndex;
                json.Skip();
                return Encoding.UTF8.GetString(line[from..(int)json.BytesConsumed]);
        }
    }
}
