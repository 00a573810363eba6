namespace StripeSimulator.State;

/// <summary>
/// SEPA test accounts as Stripe documents them: AT861904300235473202 goes from processing to failed; any other IBAN with
/// a valid check (DE89370400440532013000 among them) goes from processing to succeeded.
/// </summary>
public static class TestIban
{
    public const string FailingIban = "AT861904300235473202";

    public static string Normalise(string iban) => new([.. iban.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);

    public static bool Fails(string iban) => iban == FailingIban;

    /// <summary>ISO 13616: the country and check digits moved to the end, letters as numbers, the whole mod 97 is 1.</summary>
    public static bool IsValid(string iban)
    {
        if (iban.Length < 15 || iban.Length > 34 || !iban.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1]))
        {
            return false;
        }
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }
}
