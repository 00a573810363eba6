using System.Text;

namespace ReconFileGenerator;

/// <summary>The portal's CSV: UTF-8 with a byte-order mark, a header row, RFC 4180 quoting.</summary>
internal sealed class CsvSink : LineSink
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    private readonly StreamWriter writer;
    private readonly bool quoteAll;

    public CsvSink(Stream output, string partnerId, string invoiceNumber, GeneratorOptions options)
        : base(partnerId, invoiceNumber, options.UsDates, options.Corrupt)
    {
        writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        quoteAll = options.QuoteAll;
        WriteCells(Columns);
    }

    public override void Dispose() => writer.Dispose();

    protected override void WriteCells(string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            var value = values[i];
            if (quoteAll || value.AsSpan().IndexOfAny(NeedsQuotes) >= 0)
            {
                writer.Write('"');
                writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(value);
            }
        }
        writer.Write("\r\n");
    }
}
