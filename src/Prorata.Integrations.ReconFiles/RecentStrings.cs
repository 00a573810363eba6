namespace Prorata.Integrations.ReconFiles;

/// <summary>
/// Turns a column's text into a string without allocating when the value was seen before: a recon file repeats its
/// partner, customer, product, currency and invoice number on thousands of lines. Bounded, so a column of unique
/// ids (subscription, order, reference) only reuses the previous row's value.
/// </summary>
internal sealed class RecentStrings
{
    private const int Capacity = 4096;

    private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private string last = "";

    public RecentStrings() => lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return "";
        }
        if (text.SequenceEqual(last))
        {
            return last;
        }
        if (!lookup.TryGetValue(text, out var value))
        {
            value = text.ToString();
            if (pool.Count < Capacity)
            {
                pool.Add(value, value);
            }
        }
        last = value;
        return value;
    }
}
