using System.Globalization;
using GoCardlessSimulator.State;

namespace GoCardlessSimulator.Api;

/// <summary>Resources as GoCardless writes them (snake_case, timestamps in UTC with milliseconds, dates as yyyy-MM-dd).</summary>
public static class Shapes
{
    public const string CreditorId = "CR000000000001";

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object Payment(SimPayment p) => new
    {
        id = p.Id,
        created_at = Time(p.CreatedAt),
        charge_date = Date(p.ChargeDate),
        amount = p.Amount,
        description = p.Description,
        currency = p.Currency,
        status = p.Status,
        amount_refunded = 0,
        reference = p.Reference,
        metadata = p.Metadata,
        retry_if_possible = true,
        links = new { mandate = p.MandateId, creditor = CreditorId },
    };

    public static object Mandate(SimMandate m, DateOnly nextPossibleChargeDate) => new
    {
        id = m.Id,
        created_at = Time(m.CreatedAt),
        reference = m.Reference,
        status = m.Status,
        scheme = m.Scheme,
        next_possible_charge_date = m.Status is "active" or "pending_submission" or "submitted" ? Date(nextPossibleChargeDate) : null,
        payments_require_approval = false,
        metadata = m.Metadata,
        links = new { customer_bank_account = m.BankAccountId, creditor = CreditorId, customer = m.CustomerId },
    };

    public static object Customer(SimCustomer c) => new
    {
        id = c.Id,
        created_at = Time(c.CreatedAt),
        email = c.Email,
        given_name = (string?)null,
        family_name = (string?)null,
        company_name = c.CompanyName,
        country_code = c.CountryCode,
        language = "en",
        metadata = new Dictionary<string, string>(),
    };

    public static object BankAccount(SimBankAccount a) => new
    {
        id = a.Id,
        created_at = Time(a.CreatedAt),
        account_holder_name = a.AccountHolderName,
        account_number_ending = a.AccountNumberEnding,
        country_code = a.CountryCode,
        currency = a.Currency,
        bank_name = "SIMULATED BANK",
        enabled = true,
        metadata = new Dictionary<string, string>(),
        links = new { customer = a.CustomerId },
    };

    public static object BillingRequest(SimBillingRequest r) => new
    {
        id = r.Id,
        created_at = Time(r.CreatedAt),
        status = r.Status,
        mandate_request = new { currency = r.Currency, scheme = r.Scheme, verify = "recommended", links = new { mandate = r.MandateId } },
        payment_request = (object?)null,
        metadata = r.Metadata,
        links = new
        {
            creditor = CreditorId,
            customer = r.CustomerId,
            customer_bank_account = r.BankAccountId,
            mandate_request = "MRQ" + r.Id[3..],
            mandate_request_mandate = r.MandateId,
        },
    };

    public static object Flow(SimFlow f) => new
    {
        id = f.Id,
        created_at = Time(f.CreatedAt),
        expires_at = Time(f.ExpiresAt),
        authorisation_url = f.AuthorisationUrl,
        redirect_uri = f.RedirectUri,
        exit_uri = f.ExitUri,
        auto_fulfil = true,
        lock_bank_account = false,
        lock_customer_details = false,
        prefilled_customer = new { company_name = f.PrefilledCompanyName, email = f.PrefilledEmail },
        links = new { billing_request = f.BillingRequestId },
    };

    public static object Event(SimEvent e) => new
    {
        id = e.Id,
        created_at = Time(e.CreatedAt),
        resource_type = e.ResourceType,
        action = e.Action,
        links = e.Links,
        details = new
        {
            origin = e.Details.Origin,
            cause = e.Details.Cause,
            description = e.Details.Description,
            scheme = e.Details.Scheme,
            reason_code = e.Details.ReasonCode,
        },
        metadata = new Dictionary<string, string>(),
    };
}
