using System.Numerics;
using Prorata.Domain.Contracts;
using Prorata.Domain.Money;
using Prorata.Domain.Parties;
using Prorata.Domain.Tax;

namespace Prorata.Domain.LegalEntities;

/// <summary>The one place where a legal entity's fields are checked; the API, the page and the CLI all call it.</summary>
public static class LegalEntityRules
{
    public const int MaxNameLength = 200;
    public const int MaxPrefixLength = 12;
    public const int MaxTaxIdLength = 30;
    public const int MaxPaymentTextLength = 500;
    public const int MaxPaymentTermsDays = 365;
    public const int MaxLogoBytes = 512 * 1024;

    public static LegalEntityDetails? Validate(LegalEntityDraft draft, ValidationErrors errors)
    {
        var name = InputBounds.Text(draft.Name, "name", MaxNameLength, errors);
        var address = AddressRules.Validate(draft.Address, "address", errors);
        var taxId = InputBounds.Text(draft.TaxId, "taxId", MaxTaxIdLength, errors, required: false) is { } typed
            ? TaxIdFormat.Validate(address?.Country ?? draft.Address?.Country?.Trim().ToUpperInvariant(), typed, "taxId", errors)
            : null;

        Currency? currency = null;
        if (string.IsNullOrWhiteSpace(draft.Currency)) errors.Add("currency", "currency is required (an ISO 4217 code such as EUR).");
        else if (!Currency.TryFromCode(draft.Currency.Trim(), out var known)) errors.Add("currency", $"currency must be a known ISO 4217 code; got '{InputBounds.Printable(draft.Currency)}'.");
        else currency = known;

        var email = InputBounds.Text(draft.Email, "email", 254, errors, required: false);
        if (email is not null && (email.IndexOf('@') <= 0 || email.Any(char.IsWhiteSpace)))
            errors.Add("email", $"email must be an email address (invoices are sent from it); got '{InputBounds.Printable(email)}'.");

        var accountName = InputBounds.Text(draft.BankAccountName, "bankAccountName", MaxNameLength, errors, required: false);
        var iban = InputBounds.Text(draft.Iban, "iban", 42, errors, required: false)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (iban is not null && !IsIban(iban))
            errors.Add("iban", $"iban must be an IBAN with a valid check (e.g. DE89370400440532013000); got '{InputBounds.Printable(iban)}'.");
        var bic = InputBounds.Text(draft.Bic, "bic", 11, errors, required: false)?.ToUpperInvariant();
        if (bic is not null && !(bic.Length is 8 or 11 && bic.All(char.IsAsciiLetterOrDigit) && bic[..6].All(char.IsAsciiLetter)))
            errors.Add("bic", $"bic must be 8 or 11 letters and digits (e.g. COBADEFFXXX); got '{InputBounds.Printable(bic)}'.");
        var paymentText = InputBounds.Text(draft.PaymentText, "paymentText", MaxPaymentTextLength, errors, required: false);

        var invoicePrefix = Prefix(draft.InvoicePrefix, "invoicePrefix", "INV-", errors);
        var creditPrefix = Prefix(draft.CreditNotePrefix, "creditNotePrefix", "CN-", errors);
        if (invoicePrefix is not null && invoicePrefix == creditPrefix)
            errors.Add("creditNotePrefix", $"creditNotePrefix must differ from invoicePrefix, or the two sequences print the same numbers; both are '{invoicePrefix}'.");

        var terms = draft.DefaultPaymentTermsDays ?? BillingContractRules.DefaultPaymentTermsDays;
        if (terms is < 0 or > MaxPaymentTermsDays)
            errors.Add("defaultPaymentTermsDays", $"defaultPaymentTermsDays must be between 0 and {MaxPaymentTermsDays}; got {terms}.");

        var provider = EnumText.Parse(draft.TaxProvider, TaxProviderKind.BuiltIn, "taxProvider", errors);
        var companyCode = InputBounds.Text(draft.AvalaraCompanyCode, "avalaraCompanyCode", 25, errors, required: false);
        if (provider == TaxProviderKind.Avalara && companyCode is null)
            errors.Add("avalaraCompanyCode", "avalaraCompanyCode is required when taxProvider is avalara (the company code in AvaTax).");

        return errors.IsValid
            ? new LegalEntityDetails(name!, address, taxId, currency!, email, accountName, iban, bic, paymentText, invoicePrefix!, creditPrefix!, terms, provider, companyCode)
            : null;
    }

    /// <summary>What stops the entity's invoices from being issued: a customer cannot legally receive an invoice without the seller's address.</summary>
    public static string? CannotIssue(string name, PostalAddress? address) =>
        address is null ? $"Legal entity '{name}' has no address; an invoice must name the seller's address. Complete it under Legal entities." : null;

    /// <summary>A PNG of at most <see cref="MaxLogoBytes"/> (the invoice embeds it as it is).</summary>
    public static string? CheckLogo(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (bytes.Length == 0) return "logo is empty.";
        return CheckLogoSize(bytes.Length) ?? (bytes.StartsWith(png) ? null : "logo must be a PNG image.");
    }

    /// <summary>The size rule alone, for an upload known to be too big before it is read.</summary>
    public static string? CheckLogoSize(long length) =>
        length > MaxLogoBytes ? $"logo must be at most {MaxLogoBytes / 1024} KB; got {length / 1024:N0} KB." : null;

    private static string? Prefix(string? value, string field, string fallback, ValidationErrors errors)
    {
        var text = string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
        if (text.Length > MaxPrefixLength || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '_' or '.'))
        {
            errors.Add(field, $"{field} must be at most {MaxPrefixLength} letters, digits, '-', '/', '_' or '.'; got '{InputBounds.Printable(text)}'.");
            return null;
        }
        return text;
    }

    /// <summary>ISO 13616: two letters, two check digits, the account; the number moved to the end and read in base 36 leaves 1 modulo 97.</summary>
    public static bool IsIban(string iban)
    {
        if (iban.Length is < 15 or > 34 || !iban.All(char.IsAsciiLetterOrDigit) || !iban[..2].All(char.IsAsciiLetter) || !iban[2..4].All(char.IsAsciiDigit)) return false;
        var digits = string.Concat((iban[4..] + iban[..4]).Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }
}
