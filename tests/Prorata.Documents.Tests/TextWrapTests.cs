using Prorata.Application.Invoices.Documents;
using SkiaSharp;

namespace Prorata.Documents.Tests;

public sealed class TextWrapTests
{
    [Fact]
    public void Lines_WordsMoveWholeToTheNextLine()
    {
        using var typography = new PdfTypography();
        var font = typography.Font(TextStyle.Body);
        var width = font.MeasureText("Microsoft 365 Business");

        var lines = TextWrap.Lines("Microsoft 365 Business Premium monthly", font, width);

        Assert.Equal(["Microsoft 365 Business", "Premium monthly"], lines);
    }

    [Fact]
    public void Lines_WordWiderThanTheColumn_IsCutBetweenCharacters()
    {
        using var typography = new PdfTypography();
        var font = typography.Font(TextStyle.Body);
        const string word = "Dynamics365CustomerEngagementPlanEnterpriseEdition";

        var lines = TextWrap.Lines($"Plan {word}", font, 60f);

        Assert.Equal("Plan", lines[0]);
        Assert.True(lines.Count >= 4, $"{lines.Count} lines");
        Assert.Equal(word, string.Concat(lines.Skip(1)));
        Assert.All(lines, line => Assert.True(font.MeasureText(line) <= 60f, $"'{line}' is {font.MeasureText(line)} wide"));
        // Each cut is as late as it can be: the piece and the next letter would not fit.
        var rest = word;
        foreach (var piece in lines.Skip(1).SkipLast(1))
        {
            Assert.True(font.MeasureText(rest[..(piece.Length + 1)]) > 60f, $"'{piece}' could hold one more letter");
            rest = rest[piece.Length..];
        }
    }

    [Fact]
    public void Lines_KeepsLineBreaksOfTheText()
    {
        using var font = new SKFont(SKTypeface.Default, 10f);

        Assert.Equal(["Bank transfer", "", "IBAN below"], TextWrap.Lines("Bank transfer\n\nIBAN below", font, 500f));
    }
}
