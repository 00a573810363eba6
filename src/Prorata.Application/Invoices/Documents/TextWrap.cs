using System.Globalization;
using SkiaSharp;

namespace Prorata.Application.Invoices.Documents;

/// <summary>
/// Breaks text into lines that fit a column when drawn with a given font: words move to the next line whole, a word wider
/// than the column is cut between characters (text elements, so an accent never leaves its letter), line breaks are kept.
/// </summary>
internal static class TextWrap
{
    public static IReadOnlyList<string> Lines(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (font.MeasureText(line) > width)
                {
                    var cut = FittingPrefixLength(line, font, width);
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>The longest prefix, in whole text elements, that fits; at least one element so that a line always advances.</summary>
    private static int FittingPrefixLength(string word, SKFont font, float width)
    {
        var starts = StringInfo.ParseCombiningCharacters(word);
        int low = 1, high = starts.Length - 1;  // prefix of `count` elements ends at starts[count]; the whole word does not fit
        var best = 1;
        while (low <= high)
        {
            var count = (low + high) / 2;
            if (font.MeasureText(word.AsSpan(0, starts[count])) <= width)
            {
                best = count;
                low = count + 1;
            }
            else
            {
                high = count - 1;
            }
        }
        return best < starts.Length ? starts[best] : word.Length;
    }
}
