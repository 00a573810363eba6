using Prorata.Domain.Reconciliation;

namespace Prorata.Reconciliation.Tests;

/// <summary>The stored form of a line's other columns: any text round-trips, separators and escapes included.</summary>
public sealed class PackedColumnsTests
{
    private static readonly string[] Names = ["MpnId", "Tags", "Empty"];

    [Theory]
    [InlineData("6123456", "{\"env\":\"prod\"}", "")]
    [InlineData("a\u001Fb", "\u001B", "\u001B\u001F")]
    public void PackValues_ThenUnpack_SameValues(string first, string second, string third)
    {
        KeyValuePair<string, string>[] columns = [new(Names[0], first), new(Names[1], second), new(Names[2], third)];

        var packed = PackedColumns.PackValues(columns);

        Assert.Equal(columns, PackedColumns.UnpackValues(PackedColumns.Unpack(PackedColumns.PackNames(Names)), packed));
    }

    [Fact]
    public void PackValues_CsvLine_ValuesEachFollowedByTheUnitSeparator()
    {
        var line = new ExtraColumns(Names, "6123456{}", [7, 9, 9]);

        Assert.Equal("6123456\u001F{}\u001F\u001F", PackedColumns.PackValues(line));
    }

    [Fact]
    public void PackPairs_JsonLine_NamesAndValuesRoundTrip()
    {
        KeyValuePair<string, string>[] columns = [new("meterDescription", "LRS\u001FData"), new("attributes", "{\"objectType\":\"DailyRatedUsageLineItem\"}")];

        Assert.Equal(columns, PackedColumns.UnpackPairs(PackedColumns.PackPairs(columns)));
    }
}
