using GoCardlessSimulator.Api;
using GoCardlessSimulator.Webhooks;

namespace GoCardlessSimulator.State;

/// <summary>
/// Everything the simulated GoCardless holds, behind one lock: customers, bank accounts, mandates, billing requests and
/// flows, payments, events, and the idempotency keys of creations. Every change records its events and hands them to the
/// webhook dispatcher as one webhook. Ids are GoCardless's prefixes with a counter (PM000000000001), so tests can name them.
/// </summary>
public sealed class SimStore(SimClock clock, WebhookDispatcher webhooks)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _counters = [];
    private readonly Dictionary<(string Collection, string Key), string> _idempotencyKeys = [];
    private readonly Dictionary<string, SimCustomer> _customers = [];
    private readonly Dictionary<string, SimBankAccount> _bankAccounts = [];
    private readonly Dictionary<string, SimMandate> _mandates = [];
    private readonly Dictionary<string, SimBillingRequest> _billingRequests = [];
    private readonly Dictionary<string, SimFlow> _flows = [];
    private readonly List<SimPayment> _payments = [];
    private readonly List<SimEvent> _events = [];

    public static readonly IReadOnlyDictionary<string, string> SchemeByCurrency = new Dictionary<string, string>
    {
        ["GBP"] = "bacs", ["EUR"] = "sepa_core", ["USD"] = "ach", ["SEK"] = "autogiro", ["DKK"] = "betalingsservice",
        ["AUD"] = "becs", ["NZD"] = "becs_nz", ["CAD"] = "pad",
    };

    public SimClock Clock => clock;

    public IReadOnlyList<SimPayment> Payments
    {
        get { lock (_gate) return [.. _payments]; }
    }

    public IReadOnlyList<SimEvent> Events
    {
        get { lock (_gate) return [.. _events]; }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _counters.Clear();
            _idempotencyKeys.Clear();
            _customers.Clear();
            _bankAccounts.Clear();
            _mandates.Clear();
            _billingRequests.Clear();
            _flows.Clear();
            _payments.Clear();
            _events.Clear();
        }
    }

    public T Read<T>(Func<SimStore, T> read)
    {
        lock (_gate) return read(this);
    }

    public SimCustomer Customer(string id) => _customers.GetValueOrDefault(id) ?? throw ApiRefusal.NotFound(id);

    public SimBankAccount BankAccount(string id) => _bankAccounts.GetValueOrDefault(id) ?? throw ApiRefusal.NotFound(id);

    public SimMandate Mandate(string id) => _mandates.GetValueOrDefault(id) ?? throw ApiRefusal.NotFound(id);

    public SimBillingRequest BillingRequest(string id) => _billingRequests.GetValueOrDefault(id) ?? throw ApiRefusal.NotFound(id);

    public SimFlow Flow(string id) => _flows.GetValueOrDefault(id) ?? throw ApiRefusal.NotFound(id);

    public SimPayment Payment(string id) => _payments.FirstOrDefault(p => p.Id == id) ?? throw ApiRefusal.NotFound(id);

    public IEnumerable<SimMandate> Mandates => _mandates.Values;

    public IEnumerable<SimPayment> AllPayments => _payments;

    public IEnumerable<SimEvent> AllEvents => _events;

    public SimBillingRequest CreateBillingRequest(string? idempotencyKey, string currency, string? scheme, Dictionary<string, string> metadata)
    {
        lock (_gate)
        {
            return Idempotent("billing_requests", idempotencyKey, () =>
            {
                var request = new SimBillingRequest
                {
                    Id = NewId("BRQ"), CreatedAt = clock.Now, Currency = currency, Scheme = scheme ?? SchemeByCurrency[currency], Metadata = metadata,
                };
                _billingRequests.Add(request.Id, request);
                return (request.Id, request);
            });
        }
    }

    public SimFlow CreateFlow(string? idempotencyKey, string billingRequestId, string? redirectUri, string? exitUri, string? companyName, string? email, Uri pageBase)
    {
        lock (_gate)
        {
            var billingRequest = _billingRequests.GetValueOrDefault(billingRequestId)
                                 ?? throw ApiRefusal.Invalid("links.billing_request", "must be an existing billing request");
            return Idempotent("billing_request_flows", idempotencyKey, () =>
            {
                var id = NewId("BRF");
                var flow = new SimFlow
                {
                    Id = id, CreatedAt = clock.Now, ExpiresAt = clock.Now.AddDays(7), BillingRequestId = billingRequest.Id,
                    AuthorisationUrl = new Uri(pageBase, $"flow/{id}").ToString(), RedirectUri = redirectUri, ExitUri = exitUri,
                    PrefilledCompanyName = companyName, PrefilledEmail = email,
                };
                _flows.Add(id, flow);
                return (id, flow);
            });
        }
    }

    /// <summary>
    /// The customer submitted the hosted page: creates the customer, their bank account and the mandate, fulfils the billing
    /// request, and (unless the test account makes it fail) activates the mandate at once, as the sandbox does.
    /// </summary>
    public SimFlow FulfilFlow(string flowId, string holderName, string countryCode, string accountNumberEnding, TestAccountOutcome outcome)
    {
        var batch = new List<SimEvent>();
        SimFlow flow;
        lock (_gate)
        {
            flow = Flow(flowId);
            var billingRequest = BillingRequest(flow.BillingRequestId);
            if (billingRequest.Status != "pending")
            {
                throw ApiRefusal.InvalidState("billing_request_not_pending", $"The billing request is {billingRequest.Status}.");
            }
            var customer = new SimCustomer
            {
                Id = NewId("CU"), CreatedAt = clock.Now, CompanyName = flow.PrefilledCompanyName, Email = flow.PrefilledEmail, CountryCode = countryCode,
            };
            _customers.Add(customer.Id, customer);
            var account = new SimBankAccount
            {
                Id = NewId("BA"), CreatedAt = clock.Now, AccountHolderName = holderName, AccountNumberEnding = accountNumberEnding,
                CountryCode = countryCode, Currency = billingRequest.Currency, CustomerId = customer.Id, Outcome = outcome,
            };
            _bankAccounts.Add(account.Id, account);
            var mandate = new SimMandate
            {
                Id = NewId("MD"), CreatedAt = clock.Now, Reference = $"PRORATA-{_counters["MD"]:D6}", Scheme = billingRequest.Scheme,
                Currency = billingRequest.Currency, CustomerId = customer.Id, BankAccountId = account.Id, Metadata = [],
            };
            _mandates.Add(mandate.Id, mandate);
            billingRequest.Status = "fulfilled";
            billingRequest.CustomerId = customer.Id;
            billingRequest.BankAccountId = account.Id;
            billingRequest.MandateId = mandate.Id;

            batch.Add(Emit("billing_requests", "fulfilled",
                new() { ["billing_request"] = billingRequest.Id, ["customer"] = customer.Id, ["mandate_request_mandate"] = mandate.Id },
                new("customer", "billing_request_fulfilled", "This billing request has been fulfilled, and the resources have been created.")));
            batch.Add(Emit("mandates", "created", new() { ["mandate"] = mandate.Id },
                new("customer", "mandate_created", "Mandate created via the billing request flow.", mandate.Scheme)));
            if (outcome == TestAccountOutcome.MandateFails)
            {
                mandate.Status = "failed";
                batch.Add(Emit("mandates", "failed", new() { ["mandate"] = mandate.Id },
                    new("bank", "bank_account_closed", "The bank account for this mandate has been closed.", mandate.Scheme, ReasonCode(mandate.Scheme, "mandate"))));
            }
            else
            {
                mandate.Status = "active";
                batch.Add(Emit("mandates", "active", new() { ["mandate"] = mandate.Id },
                    new("gocardless", "mandate_activated", "The time window after submission for the banks to refuse a mandate has ended without any errors being received, so this mandate is now active.", mandate.Scheme)));
            }
        }
        webhooks.Send(batch);
        return flow;
    }

    public SimPayment CreatePayment(
        string? idempotencyKey, long amount, string currency, DateOnly? chargeDate, string? reference, string? description,
        Dictionary<string, string> metadata, string mandateId)
    {
        var batch = new List<SimEvent>();
        SimPayment payment;
        lock (_gate)
        {
            payment = Idempotent("payments", idempotencyKey, () =>
            {
                var mandate = _mandates.GetValueOrDefault(mandateId) ?? throw ApiRefusal.Invalid("links.mandate", "must be an existing mandate");
                if (mandate.Status is "failed" or "cancelled" or "expired" or "consumed" or "blocked")
                {
                    throw ApiRefusal.InvalidState("mandate_is_inactive", "The mandate for this payment is inactive.");
                }
                if (amount <= 0) throw ApiRefusal.Invalid("amount", "must be greater than 0");
                if (currency != mandate.Currency) throw ApiRefusal.Invalid("currency", $"must be {mandate.Currency} for a {mandate.Scheme} mandate");
                if (metadata.Count > 3) throw ApiRefusal.Invalid("metadata", "may have at most 3 keys");
                var earliest = clock.EarliestChargeDate();
                if (chargeDate is { } requested && requested < earliest)
                {
                    throw ApiRefusal.Invalid("charge_date", $"must be on or after the mandate's next_possible_charge_date ({earliest:yyyy-MM-dd})");
                }
                var created = new SimPayment
                {
                    Id = NewId("PM"), CreatedAt = clock.Now, Amount = amount, Currency = currency, MandateId = mandate.Id, Metadata = metadata,
                    Reference = reference, Description = description, IdempotencyKey = idempotencyKey, ChargeDate = chargeDate ?? earliest,
                };
                _payments.Add(created);
                batch.Add(Emit("payments", "created", new() { ["payment"] = created.Id, ["mandate"] = mandate.Id },
                    new("api", "payment_created", "Payment created via the API.")));
                return (created.Id, created);
            });
        }
        webhooks.Send(batch);
        return payment;
    }

    public SimPayment CancelPayment(string id) => Change(id, (payment, batch) =>
    {
        if (payment.Status is not ("pending_submission" or "pending_customer_approval"))
        {
            throw ApiRefusal.InvalidState("cancellation_failed", "This payment could not be cancelled as it has already been submitted to the banks.");
        }
        payment.Status = "cancelled";
        batch.Add(PaymentEvent(payment, "cancelled", new("api", "payment_cancelled", "The payment was cancelled.")));
    });

    public SimPayment RetryPayment(string id) => Change(id, (payment, batch) =>
    {
        var mandate = Mandate(payment.MandateId);
        if (payment.Status != "failed" || payment.WasPaidOut)
        {
            throw ApiRefusal.InvalidState("retry_failed", "Only a failed payment can be retried.");
        }
        if (mandate.Status is not ("active" or "pending_submission" or "submitted"))
        {
            throw ApiRefusal.InvalidState("mandate_is_inactive", "The mandate for this payment is inactive.");
        }
        payment.Status = "pending_submission";
        payment.ChargeDate = clock.EarliestChargeDate();
        batch.Add(PaymentEvent(payment, "resubmission_requested", new("api", "payment_retried", "An attempt to collect this payment has been requested.")));
    });

    /// <summary>
    /// One step of a payment's life: pending_submission → submitted → confirmed (or failed for test accounts ending 22) →
    /// paid_out → charged_back (accounts ending 33); a charged back or late-failed payment then settles. Terminal states stay.
    /// </summary>
    public SimPayment Advance(string id) => Change(id, (payment, batch) =>
    {
        var scheme = Mandate(payment.MandateId).Scheme;
        var outcome = BankAccount(Mandate(payment.MandateId).BankAccountId).Outcome;
        switch (payment.Status)
        {
            case "pending_submission":
                payment.Status = "submitted";
                batch.Add(PaymentEvent(payment, "submitted", new("gocardless", "payment_submitted", "Payment submitted to the banks. As a result, it can no longer be cancelled.")));
                break;
            case "submitted" when outcome == TestAccountOutcome.PaymentsFail:
                payment.Status = "failed";
                batch.Add(PaymentEvent(payment, "failed", new("bank", "insufficient_funds", "The customer's account had insufficient funds to make this payment.", scheme, ReasonCode(scheme, "failed"))));
                break;
            case "submitted":
                payment.Status = "confirmed";
                batch.Add(PaymentEvent(payment, "confirmed", new("gocardless", "payment_confirmed", "Enough time has passed since the payment was submitted for the banks to return an error, so this payment is now confirmed.")));
                break;
            case "confirmed":
                payment.Status = "paid_out";
                payment.WasPaidOut = true;
                batch.Add(PaymentEvent(payment, "paid_out", new("gocardless", "payment_paid_out", "The payment has been paid out by GoCardless.")));
                break;
            case "paid_out" when outcome == TestAccountOutcome.ChargesBack:
                ChargeBack(payment, batch, scheme);
                break;
            case "charged_back" when !payment.Settled:
                payment.Settled = true;
                batch.Add(PaymentEvent(payment, "chargeback_settled", new("gocardless", "chargeback_settled", "This chargeback has been deducted from a payout.")));
                break;
            case "failed" when payment.WasPaidOut && !payment.Settled:
                payment.Settled = true;
                batch.Add(PaymentEvent(payment, "late_failure_settled", new("gocardless", "late_failure_settled", "This late failure has been deducted from a payout.")));
                break;
        }
    });

    /// <summary>Fails a payment whatever its account: before pay-out a failure, after it a late failure (settled on the next advance).</summary>
    public SimPayment Fail(string id, string? cause, string? description, string? reasonCode) => Change(id, (payment, batch) =>
    {
        if (payment.Status is not ("pending_submission" or "submitted" or "confirmed" or "paid_out"))
        {
            throw ApiRefusal.InvalidState("payment_not_failable", $"A {payment.Status} payment cannot fail.");
        }
        var scheme = Mandate(payment.MandateId).Scheme;
        payment.Status = "failed";
        batch.Add(PaymentEvent(payment, "failed", new("bank", cause ?? "insufficient_funds",
            description ?? "The customer's account had insufficient funds to make this payment.", scheme, reasonCode ?? ReasonCode(scheme, "failed"))));
    });

    /// <summary>The customer's bank claims the money back under the scheme's guarantee: only a paid-out payment.</summary>
    public SimPayment ChargeBack(string id) => Change(id, (payment, batch) =>
    {
        if (payment.Status != "paid_out")
        {
            throw ApiRefusal.InvalidState("payment_not_paid_out", $"Only a paid out payment can be charged back; this one is {payment.Status}.");
        }
        ChargeBack(payment, batch, Mandate(payment.MandateId).Scheme);
    });

    /// <summary>Cancels a mandate (by the API or, from /_sim, as expired) and every payment on it not yet submitted.</summary>
    public SimMandate EndMandate(string id, string action, EventDetails details)
    {
        var batch = new List<SimEvent>();
        SimMandate mandate;
        lock (_gate)
        {
            mandate = Mandate(id);
            if (mandate.Status is "cancelled" or "expired" or "failed" or "consumed")
            {
                throw ApiRefusal.InvalidState("mandate_already_cancelled", "The mandate has already been cancelled.");
            }
            mandate.Status = action;
            batch.Add(Emit("mandates", action, new() { ["mandate"] = mandate.Id }, details));
            foreach (var payment in _payments.Where(p => p.MandateId == id && p.Status == "pending_submission"))
            {
                payment.Status = "cancelled";
                batch.Add(PaymentEvent(payment, "cancelled", new("gocardless", "mandate_cancelled", "The mandate for this payment was cancelled.")));
            }
        }
        webhooks.Send(batch);
        return mandate;
    }

    private void ChargeBack(SimPayment payment, List<SimEvent> batch, string scheme)
    {
        payment.Status = "charged_back";
        batch.Add(PaymentEvent(payment, "charged_back", new("bank", "authorisation_disputed",
            "The customer has disputed that the amount taken differs from the amount they were notified of.", scheme, ReasonCode(scheme, "charged_back"))));
    }

    private SimPayment Change(string id, Action<SimPayment, List<SimEvent>> change)
    {
        var batch = new List<SimEvent>();
        SimPayment payment;
        lock (_gate)
        {
            payment = Payment(id);
            change(payment, batch);
        }
        webhooks.Send(batch);
        return payment;
    }

    private SimEvent PaymentEvent(SimPayment payment, string action, EventDetails details) =>
        Emit("payments", action, new() { ["payment"] = payment.Id, ["mandate"] = payment.MandateId }, details);

    private SimEvent Emit(string resourceType, string action, Dictionary<string, string> links, EventDetails details)
    {
        var created = new SimEvent(NewId("EV"), clock.Now, resourceType, action, links, details);
        _events.Add(created);
        return created;
    }

    // Scheme-native codes: Bacs ARUDD (payment returns), DDIC (indemnity claims), ADDACS (mandate changes); SEPA ISO 20022 codes.
    private static string? ReasonCode(string scheme, string what) => (scheme, what) switch
    {
        ("bacs", "failed") => "ARUDD-0",
        ("bacs", "charged_back") => "DDICA-1",
        ("bacs", "mandate") => "ADDACS-B",
        ("sepa_core", "failed") => "AM04",
        ("sepa_core", "charged_back") => "MD06",
        ("sepa_core", "mandate") => "AC04",
        _ => null,
    };

    private T Idempotent<T>(string collection, string? key, Func<(string Id, T Resource)> create)
    {
        if (key is not null && _idempotencyKeys.TryGetValue((collection, key), out var existing))
        {
            throw ApiRefusal.Conflict(existing);
        }
        var (id, resource) = create();
        if (key is not null) _idempotencyKeys[(collection, key)] = id;
        return resource;
    }

    private string NewId(string prefix)
    {
        var next = _counters.GetValueOrDefault(prefix) + 1;
        _counters[prefix] = next;
        return $"{prefix}{next:D12}";
    }
}
