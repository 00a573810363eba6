using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace ReconFileGenerator;

/// <summary>
/// The Graph billing export: gzip JSON Lines with camelCase names. Prices and quantities are JSON numbers; the
/// amounts are strings, as some exports write them, so readers are tested on both.
/// </summary>
internal sealed class JsonLinesSink : LineSink
{
    private static readonly JsonEncodedText[] Names = Array.ConvertAll(Columns, c => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(c)));
    private static readonly HashSet<string> NumberColumns = ["UnitPrice", "Quantity", "TaxTotal", "EffectiveUnitPrice", "BillableQuantity", "PCToBCExchangeRate"];

    private readonly GZipStream gzip;
    private readonly Utf8JsonWriter json;
    private readonly bool[] isNumber = Array.ConvertAll(Columns, NumberColumns.Contains);

    public JsonLinesSink(Stream output, string partnerId, string invoiceNumber, GeneratorOptions options)
        : base(partnerId, invoiceNumber, options.UsDates, options.Corrupt)
    {
        gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
        json = new Utf8JsonWriter(gzip);
    }

    public override void Dispose()
    {
        json.Dispose();
        gzip.Dispose();
    }

    protected override void WriteCells(string[] values)
    {
        json.Reset();
        json.WriteStartObject();
        for (var i = 0; i < values.Length; i++)
        {
            if (isNumber[i] && decimal.TryParse(values[i], NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                json.WriteNumber(Names[i], number);
            }
            else
            {
                json.WriteString(Names[i], values[i]);
            }
        }
        json.WriteEndObject();
        json.Flush();
        gzip.WriteByte((byte)'\n');
    }
}
