using Prorata.Domain.Contracts;
using Prorata.Domain.Money;
using Prorata.Domain.Parties;
using Prorata.Domain.Tax;

namespace Prorata.Domain.Customers;

/// <summary>The one place where a customer's fields are checked; the API and the web forms both call it.</summary>
public static class CustomerRules
{
    public const int MaxNameLength = 200;

    // RFC 5321 caps a forward path at 256 octets including the angle brackets.
    public const int MaxEmailLength = 254;

    /// <param name="draft">What the caller sent.</param>
    /// <param name="self">The customer being edited, or null for a new one: a customer cannot be its own parent.</param>
    /// <param name="errors">Collects the refusals.</param>
    public static CustomerDetails? Validate(CustomerDraft draft, Guid? self, ValidationErrors errors)
    {
        var name = InputBounds.Text(draft.Name, "name", MaxNameLength, errors);

        Currency? currency = null;
        if (string.IsNullOrWhiteSpace(draft.Currency))
        {
            errors.Add("currency", "currency is required (an ISO 4217 code such as USD).");
        }
        else if (!Currency.TryFromCode(draft.Currency.Trim(), out var known))
        {
            errors.Add("currency", $"currency must be a known ISO 4217 code; got '{draft.Currency}'.");
        }
        else
        {
            currency = known;
        }

        var email = draft.BillingEmail?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add("billingEmail", "billingEmail is required.");
        }
        else if (!LooksLikeEmail(email))
        {
            errors.Add("billingEmail", $"billingEmail must be an email address; got '{InputBounds.Printable(email)}'.");
        }

        if (self is not null && draft.ParentCustomerId == self)
        {
            errors.Add("parentCustomerId", $"parentCustomerId cannot be the customer itself; got '{self}'.");
        }
        if (draft.ParentCustomerId == Guid.Empty)
        {
            errors.Add("parentCustomerId", "parentCustomerId must be a customer id or absent; got the empty id.");
        }

        var profile = ValidateProfile(draft, errors);

        return errors.IsValid
            ? new CustomerDetails(name!, currency!, email!, draft.ParentCustomerId, draft.CreditHold ?? false, profile!)
            : null;
    }

    public const int MaxAdditionalBillingEmails = 10;
    public const int MaxTaxIdLength = 30;

    /// <summary>Languages invoices and e-mails can be written in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "de", "fr", "nl", "es", "it"];

    private static CustomerBillingProfile? ValidateProfile(CustomerDraft draft, ValidationErrors errors)
    {
        var before = errors.ToDictionary().Count;
        var billing = AddressRules.Validate(draft.BillingAddress, "billingAddress", errors);
        var service = AddressRules.Validate(draft.ServiceAddress, "serviceAddress", errors);
        // The shape of a VAT number depends on the country it was issued in: the billing address's.
        var taxId = InputBounds.Text(draft.TaxId, "taxId", MaxTaxIdLength, errors, required: false) is { } typed
            ? TaxIdFormat.Validate(billing?.Country ?? draft.BillingAddress?.Country?.Trim().ToUpperInvariant(), typed, "taxId", errors)
            : null;
        var exempt = draft.TaxExempt ?? false;
        var certificate = InputBounds.Text(draft.TaxExemptionCertificate, "taxExemptionCertificate", 100, errors, required: false);
        if (exempt && certificate is null)
            errors.Add("taxExemptionCertificate", "taxExemptionCertificate is required when taxExempt is true (the certificate's reference is the proof an auditor asks for).");
        var emails = new List<string>();
        var additional = draft.AdditionalBillingEmails ?? [];
        if (additional.Count > MaxAdditionalBillingEmails)
            errors.Add("additionalBillingEmails", $"at most {MaxAdditionalBillingEmails} additional billing e-mails; got {additional.Count:N0}.");
        else
            foreach (var (address, i) in additional.Select((a, i) => (a?.Trim(), i)))
            {
                if (string.IsNullOrEmpty(address) || !LooksLikeEmail(address))
                    errors.Add($"additionalBillingEmails[{i}]", $"additionalBillingEmails[{i}] must be an email address; got '{InputBounds.Printable(address ?? "")}'.");
                else if (!emails.Contains(address, StringComparer.OrdinalIgnoreCase)) emails.Add(address);
            }
        var language = string.IsNullOrWhiteSpace(draft.PreferredLanguage) ? "en" : draft.PreferredLanguage.Trim().ToLowerInvariant();
        if (!Languages.Contains(language))
            errors.Add("preferredLanguage", $"preferredLanguage must be one of {string.Join(", ", Languages)}; got '{InputBounds.Printable(draft.PreferredLanguage!)}'.");
        return errors.ToDictionary().Count == before
            ? new CustomerBillingProfile(billing, service, taxId, exempt, certificate, emails, language)
            : null;
    }

    // Deliverability is proven by sending, not by a regex: this only catches typing mistakes.
    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@');
        return email.Length <= MaxEmailLength
            && at > 0
            && at == email.LastIndexOf('@')
            && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.')
            && !email.Any(char.IsWhiteSpace)
            && !InputBounds.HasHiddenCharacters(email);
    }
}
