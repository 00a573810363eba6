using System.Net;
using System.Text.RegularExpressions;

namespace Prorata.Web.Tests;

/// <summary>Reads a statically rendered page the way a person does: a table row's cells, an element's text, the messages beside a field.</summary>
public static partial class PageHtml
{
    /// <summary>The text of each cell of the one row of table <paramref name="tableId"/> whose HTML contains <paramref name="containing"/>.</summary>
    public static string[] Row(string html, string tableId, string containing)
    {
        var start = html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {tableId}");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        var row = Assert.Single(RowPattern().Matches(table).Select(m => m.Value), r => r.Contains(containing, StringComparison.Ordinal));
        return CellPattern().Matches(row).Select(m => Clean(m.Groups["cell"].Value)).ToArray();
    }

    /// <summary>The cells' text of every body row of table <paramref name="tableId"/>, in the page's order.</summary>
    public static string[][] Rows(string html, string tableId)
    {
        var start = html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {tableId}");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        var body = table[table.IndexOf("<tbody", StringComparison.Ordinal)..];
        return RowPattern().Matches(body).Select(r => CellPattern().Matches(r.Value).Select(m => Clean(m.Groups["cell"].Value)).ToArray()).ToArray();
    }

    /// <summary>How many body rows the table with id <paramref name="tableId"/> has.</summary>
    public static int RowCount(string html, string tableId)
    {
        var start = html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {tableId}");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        var body = table[table.IndexOf("<tbody", StringComparison.Ordinal)..];
        return RowPattern().Matches(body).Count;
    }

    /// <summary>The text of the element with id <paramref name="id"/>.</summary>
    public static string Text(string html, string id)
    {
        var match = Regex.Match(html, $"""<(?<tag>\w+)[^>]*\bid="{Regex.Escape(id)}"[^>]*>(?<text>.*?)</\k<tag>>""", RegexOptions.Singleline);
        Assert.True(match.Success, $"no element {id}");
        return Clean(match.Groups["text"].Value);
    }

    /// <summary>The validation messages inside the field that holds input <paramref name="inputId"/>.</summary>
    public static string[] MessagesOfField(string html, string inputId)
    {
        var input = html.IndexOf($"id=\"{inputId}\"", StringComparison.Ordinal);
        Assert.True(input >= 0, $"no input {inputId}");
        var start = html.LastIndexOf("<div class=\"field", input, StringComparison.Ordinal);
        var end = html.IndexOf("<div class=\"field", input, StringComparison.Ordinal);
        var field = html[start..(end < 0 ? html.Length : end)];
        return MessagePattern().Matches(field).Select(m => Clean(m.Groups["text"].Value)).ToArray();
    }

    /// <summary>The names of the Blazor forms a page renders (their handler fields), in page order.</summary>
    public static string[] FormNames(string html) => HandlerPattern().Matches(html).Select(m => m.Groups["name"].Value).ToArray();

    public static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"""<input type="hidden" name="{Regex.Escape(name)}" value="(?<value>[^"]*)"\s*/?>""");
        Assert.True(match.Success, $"no hidden field {name}");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    private static string Clean(string html) => WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ")).Trim();

    [GeneratedRegex("<tr[ >].*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(?<cell>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("""<div class="validation-message">(?<text>.*?)</div>""", RegexOptions.Singleline)]
    private static partial Regex MessagePattern();

    [GeneratedRegex("""<input type="hidden" name="_handler" value="(?<name>[^"]+)"\s*/?>""")]
    private static partial Regex HandlerPattern();
}
