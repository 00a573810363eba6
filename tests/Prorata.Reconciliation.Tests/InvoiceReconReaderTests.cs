using System.Text;
using Prorata.Domain.Billing;
using Prorata.Domain.Reconciliation;
using Prorata.Integrations.ReconFiles;
using ReconFileGenerator;

namespace Prorata.Reconciliation.Tests;

public sealed class InvoiceReconReaderTests
{
    private static string FilePath(string file) => Path.Combine(AppContext.BaseDirectory, "Files", file);

    private static List<ReconLine> ReadFile(string file)
    {
        using var stream = File.OpenRead(FilePath(file));
        return InvoiceReconReader.ReadCsv(stream).ToList();
    }

    [Fact]
    public void ReadCsv_PortalSpellingsQuotedNumbersAndAnUnknownColumn_TypedLineWithExtrasKept()
    {
        var line = ReadFile("out-of-band-seat-add.csv")[3];

        Assert.Equal(5, line.Row);
        Assert.Equal(("a3f1c2d4-0001-4e5f-8a9b-0c1d2e3f4a5b", "4c1a5d1e-6a52-4b1f-9a8e-1f0c2b3d4e5f", ChargeType.AddQuantity),
            (line.SubscriptionId, line.CustomerId, line.ChargeType!.Value));
        Assert.Equal((new DateOnly(2025, 3, 14), new DateOnly(2025, 3, 31)), (line.ChargeStartDate, line.ChargeEndDate));
        Assert.Equal((12.00m, -6.967741m, 10m, -69.67m, -69.67m), (line.UnitPrice, line.EffectiveUnitPrice, line.BillableQuantity, line.Subtotal, line.Total));
        Assert.Equal(("USD", "5f2d3c1b-aaaa-4bcd-8e9f-001122334455", "G012345678"), (line.Currency, line.ReferenceId, line.InvoiceNumber));
        Assert.Contains(new KeyValuePair<string, string>("MPNID", "6123456"), line.Extra);
        Assert.Contains(new KeyValuePair<string, string>("InvoiceLineItemType", "billing_line_items"), line.Extra);
        Assert.Contains(new KeyValuePair<string, string>("ProductQualifiers", "[]"), line.Extra);
    }

    [Theory]
    [InlineData("2025-03-14", 2025, 3, 14)]
    [InlineData("3/14/2025", 2025, 3, 14)]
    [InlineData("03/04/2025", 2025, 3, 4)]
    [InlineData("3/14/2025 12:00:00 AM", 2025, 3, 14)]
    [InlineData("2025-03-14T00:00:00Z", 2025, 3, 14)]
    [InlineData("2025-03-14T00:00:00.0000000Z", 2025, 3, 14)]
    [InlineData("2025-03-14T23:30:00-02:00", 2025, 3, 15)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public void TryParseDate_MicrosoftDateSpellings_UtcCalendarDate(string text, int year, int month, int day)
    {
        Assert.True(FieldText.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2025-13-45")]
    [InlineData("2025-02-29")]
    [InlineData("14/3/2025")]
    [InlineData("")]
    [InlineData("yesterday")]
    public void TryParseDate_NotADate_Refused(string text) => Assert.False(FieldText.TryParseDate(text, out _));

    [Fact]
    public void ReadCsv_UsDatesAndLowerCaseHeaders_ParsedAlike()
    {
        Assert.Equal(new DateOnly(2025, 3, 1), ReadFile("missed-cancellation.csv")[2].ChargeStartDate);
        Assert.Equal(("e9d8c7b6-0000-4a5b-9c8d-7e6f5a4b3c2d", 24.00m), (ReadFile("orphan-subscription.csv")[3].SubscriptionId, ReadFile("orphan-subscription.csv")[3].Total));
    }

    [Fact]
    public void ReadCsv_LastRowCutMidField_RefusedNamingTheRow()
    {
        var error = Assert.Throws<ReconFileFormatException>(() => ReadFile("truncated.csv"));

        Assert.Equal(6, error.Row);
        Assert.StartsWith("row 6: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_LastRowMissingItsLastColumns_RefusedAsTruncated()
    {
        var text = File.ReadAllText(FilePath("price-change.csv"));
        var cut = text[..text.TrimEnd().LastIndexOf(",2025-03-01,", StringComparison.Ordinal)];

        var error = Assert.Throws<ReconFileFormatException>(() => InvoiceReconReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(cut))).ToList());

        Assert.Equal("row 4: 37 fields where the header has 46: the file is truncated or the row is malformed", error.Message);
    }

    [Fact]
    public void ReadCsv_HeaderWithoutSubscriptionId_RefusedNamingTheColumn()
    {
        var error = Assert.Throws<ReconFileFormatException>(() => ReadFile("wrong-header.csv"));

        Assert.Equal((1L, "SubscriptionId"), (error.Row, error.Column));
        Assert.StartsWith("row 1: required column SubscriptionId is missing from the header (found: PartnerId, CustomerId,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_UsageFileGivenAsInvoiceFile_RefusedNamingTheFirstMissingColumn()
    {
        var error = Assert.Throws<ReconFileFormatException>(() => ReadFile("daily-usage.csv"));

        Assert.Equal((1L, "Currency"), (error.Row, error.Column));
        Assert.StartsWith("row 1: required column Currency is missing from the header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_BadDateInRow70001_RefusedNamingRowColumnAndValueAfterEveryEarlierRow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"recon-bad-date-{Environment.ProcessId}.csv");
        try
        {
            using (var file = File.Create(path))
            {
                ReconGenerator.Generate(new GeneratorOptions { Lines = 70_010, Subscriptions = 7_001, Corrupt = new BadValue(70_001, "ChargeStartDate", "2025-13-45") }, file, OutputFormat.Csv);
            }
            var read = 0;
            using var stream = File.OpenRead(path);

            var error = Assert.Throws<ReconFileFormatException>(() =>
            {
                foreach (var _ in InvoiceReconReader.ReadCsv(stream))
                {
                    read++;
                }
            });

            Assert.Equal("row 70001, column ChargeStartDate: '2025-13-45' is not a date", error.Message);
            Assert.Equal((70_001L, "ChargeStartDate", "2025-13-45"), (error.Row, error.Column, error.Value));
            Assert.Equal(69_999, read);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadCsv_UnitPriceNotANumber_RefusedNamingRowColumnAndValue()
    {
        var bytes = Generate(new GeneratorOptions { Lines = 30, Subscriptions = 10, Corrupt = new BadValue(7, "UnitPrice", "12,00 €") }, OutputFormat.Csv);

        var error = Assert.Throws<ReconFileFormatException>(() => InvoiceReconReader.ReadCsv(new MemoryStream(bytes)).ToList());

        Assert.Equal("row 7, column UnitPrice: '12,00 €' is not a number", error.Message);
    }

    [Fact]
    public void ReadGzipJsonLines_SameContentAsCsv_IdenticalLines()
    {
        var options = new GeneratorOptions { Lines = 3_000, Subscriptions = 300, Injections = new Dictionary<Injection, int> { [Injection.Promotion] = 5, [Injection.OutOfBandSeatAdd] = 5 } };
        var fromCsv = InvoiceReconReader.ReadCsv(new MemoryStream(Generate(options, OutputFormat.Csv))).ToList();

        var fromJson = InvoiceReconReader.ReadGzipJsonLines(new MemoryStream(Generate(options, OutputFormat.GzipJsonLines))).ToList();

        Assert.Equal(3_000, fromJson.Count);
        for (var i = 0; i < fromCsv.Count; i++)
        {
            // The CSV has a header row, so its rows are one further down; JSON names are camelCase.
            Assert.Equal(fromCsv[i] with { Row = 0, Extra = [] }, fromJson[i] with { Row = 0, Extra = [] });
            Assert.Equal((long)i + 2, fromCsv[i].Row);
            Assert.Equal((long)i + 1, fromJson[i].Row);
            Assert.Equal(fromCsv[i].Extra.Select(p => (p.Key.ToUpperInvariant(), p.Value)), fromJson[i].Extra.Select(p => (p.Key.ToUpperInvariant(), p.Value)));
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(100)]
    [InlineData(20_000)]
    public void ReadGzipJsonLines_TruncatedGzip_Refused(int bytesCut)
    {
        var bytes = Generate(new GeneratorOptions { Lines = 3_000, Subscriptions = 300 }, OutputFormat.GzipJsonLines);

        var error = Assert.Throws<ReconFileFormatException>(() =>
            InvoiceReconReader.ReadGzipJsonLines(new MemoryStream(bytes, 0, bytes.Length - bytesCut)).ToList());

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DetectFormat_GzipMagicOrText_GzipJsonLinesOrCsv()
    {
        Assert.Equal(ReconFileFormat.GzipJsonLines, InvoiceReconReader.DetectFormat([0x1f, 0x8b, 0x08]));
        Assert.Equal(ReconFileFormat.Csv, InvoiceReconReader.DetectFormat("PartnerId,"u8));
    }

    [Fact]
    public async Task ComputeAsync_SameBytesTwice_SameHashAndOneByteChangedDiffers()
    {
        var bytes = await File.ReadAllBytesAsync(FilePath("price-change.csv"), CancellationToken.None);
        var first = await ReconFileHash.ComputeAsync(new MemoryStream(bytes), CancellationToken.None);
        var again = await ReconFileHash.ComputeAsync(File.OpenRead(FilePath("price-change.csv")), CancellationToken.None);
        bytes[^3] ^= 1;

        var changed = await ReconFileHash.ComputeAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.NotEqual(first, changed);
        Assert.Equal(64, first.Length);
    }

    [Fact]
    public async Task ReadCsvAsync_HandMadeFile_SameLinesAsSynchronousRead()
    {
        using var stream = File.OpenRead(FilePath("convention-b.csv"));
        var lines = new List<ReconLine>();

        await foreach (var line in InvoiceReconReader.ReadCsvAsync(stream, CancellationToken.None))
        {
            lines.Add(line);
        }

        Assert.Equal(ReadFile("convention-b.csv").Select(l => l with { Extra = [] }), lines.Select(l => l with { Extra = [] }));
    }

    private static byte[] Generate(GeneratorOptions options, OutputFormat format)
    {
        using var buffer = new MemoryStream();
        ReconGenerator.Generate(options, buffer, format);
        return buffer.ToArray();
    }
}
