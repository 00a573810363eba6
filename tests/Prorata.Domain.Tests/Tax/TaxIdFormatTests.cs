using Prorata.Domain.Contracts;
using Prorata.Domain.Tax;

namespace Prorata.Domain.Tests.Tax;

public class TaxIdFormatTests
{
    [Theory]
    [InlineData("FR", "FR40303265045")]
    [InlineData("FR", "FRXX303265045")]   // the two-character key may be letters
    [InlineData("DE", "DE811569869")]
    [InlineData("GR", "EL094259216")]
    [InlineData("AT", "ATU13585627")]
    [InlineData("BE", "BE0403170701")]
    [InlineData("NL", "NL004495445B01")]
    [InlineData("ES", "ESA28015865")]
    [InlineData("ES", "ES12345678Z")]
    [InlineData("IE", "IE6388047V")]
    [InlineData("IE", "IE1234567WA")]
    [InlineData("IE", "IE8Z49289F")]      // the old form
    [InlineData("SE", "SE556703748501")]
    [InlineData("LT", "LT119511515")]
    [InlineData("LT", "LT100001919017")]
    [InlineData("RO", "RO18547290")]
    [InlineData("CY", "CY10259033P")]
    [InlineData("FR", "fr 40 303 265 045")]  // spaces and lower case are how people type it
    [InlineData("DE", "DE-811.569.869")]
    [InlineData("US", "91-1144442")]      // an EIN
    [InlineData("AU", "51 824 753 556")]  // an ABN
    [InlineData("GB", "GB123456789")]
    [InlineData("XI", "XI123456789")]
    [InlineData("CH", "CHE-116.281.710")]
    public void Problem_WellFormedId_IsNone(string country, string taxId)
    {
        Assert.Null(TaxIdFormat.Problem(country, taxId));
    }

    [Theory]
    [InlineData("FR", "FR1234", "must be a VAT number of FR: FR followed by 2 digits or letters (not I or O) and 9 digits, e.g. FR40303265045; got 'FR1234'")]
    [InlineData("FR", "FRIO303265045", "must be a VAT number of FR: FR followed by 2 digits or letters (not I or O) and 9 digits, e.g. FR40303265045; got 'FRIO303265045'")]
    [InlineData("FR", "40303265045", "must be a VAT number of FR: FR followed by 2 digits or letters (not I or O) and 9 digits, e.g. FR40303265045; got '40303265045'")]
    [InlineData("DE", "DE81156986", "must be a VAT number of DE: DE followed by 9 digits, e.g. DE811569869; got 'DE81156986'")]
    [InlineData("DE", "FR40303265045", "must be a VAT number of DE: DE followed by 9 digits, e.g. DE811569869; got 'FR40303265045'")]
    [InlineData("GR", "GR094259216", "must be a VAT number of GR: EL (not GR) followed by 9 digits, e.g. EL094259216; got 'GR094259216'")]
    [InlineData("AT", "AT13585627", "must be a VAT number of AT: ATU followed by 8 digits, e.g. ATU13585627; got 'AT13585627'")]
    [InlineData("BE", "BE2403170701", "must be a VAT number of BE: BE followed by 10 digits, the first 0 or 1, e.g. BE0403170701; got 'BE2403170701'")]
    [InlineData("NL", "NL004495445C01", "must be a VAT number of NL: NL followed by 9 digits, B and 2 digits, e.g. NL004495445B01; got 'NL004495445C01'")]
    [InlineData("ES", "ES123456789", "must be a VAT number of ES: ES followed by 9 characters: a letter or digit, 7 digits, a letter or digit, with a letter first or last, e.g. ESA28015865; got 'ES123456789'")]
    [InlineData("SE", "SE556703748502", "must be a VAT number of SE: SE followed by 12 digits ending in 01, e.g. SE556703748501; got 'SE556703748502'")]
    [InlineData("RO", "RO0123", "must be a VAT number of RO: RO followed by 2 to 10 digits, the first not 0, e.g. RO18547290; got 'RO0123'")]
    [InlineData("US", "91/1144442", "must be 1 to 30 letters, digits, '-' or '.', at least one a letter or digit; got '91/1144442'")]
    [InlineData("US", "1234567890123456789012345678901", "must be 1 to 30 letters, digits, '-' or '.', at least one a letter or digit; got '1234567890123456789012345678901'")]
    [InlineData("GB", "---", "must be 1 to 30 letters, digits, '-' or '.', at least one a letter or digit; got '---'")]
    public void Problem_MalformedId_NamesTheExpectedShape(string country, string taxId, string problem)
    {
        Assert.Equal(problem, TaxIdFormat.Problem(country, taxId));
    }

    [Theory]
    [InlineData("FR", "fr 40 303 265 045", "FR40303265045")]
    [InlineData("DE", "DE-811.569.869", "DE811569869")]
    [InlineData("US", " 91-1144442 ", "91-1144442")]
    [InlineData("CH", "che-116.281.710", "CHE-116.281.710")]
    public void Normalize_RemovesWhatPeopleTypeBetweenDigits(string country, string taxId, string normalized)
    {
        Assert.Equal(normalized, TaxIdFormat.Normalize(country, taxId));
    }

    [Fact]
    public void Validate_MalformedId_AddsTheProblemUnderTheField()
    {
        var errors = new ValidationErrors();

        var id = TaxIdFormat.Validate("FR", "FR1234", "taxId", errors);

        Assert.Null(id);
        Assert.Equal(
            ["taxId must be a VAT number of FR: FR followed by 2 digits or letters (not I or O) and 9 digits, e.g. FR40303265045; got 'FR1234'."],
            errors.ToDictionary()["taxId"]);
    }

    [Fact]
    public void Validate_WellFormedId_ReturnsItNormalized()
    {
        var errors = new ValidationErrors();

        Assert.Equal("FR40303265045", TaxIdFormat.Validate("FR", "FR 40303265045", "taxId", errors));
        Assert.True(errors.IsValid);
    }

    [Fact]
    public void Validate_NoId_IsValidAndNull()
    {
        var errors = new ValidationErrors();

        Assert.Null(TaxIdFormat.Validate("FR", "  ", "taxId", errors));
        Assert.True(errors.IsValid);
    }
}
