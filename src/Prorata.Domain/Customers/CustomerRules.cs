using Prorata.Domain.Contracts;
using Prorata.Domain.Money;

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

        return errors.IsValid
            ? new CustomerDetails(name!, currency!, email!, draft.ParentCustomerId, draft.CreditHold ?? false)
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
