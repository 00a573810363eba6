using Prorata.Application.Webhooks;
using Prorata.Data.Webhooks;

namespace Prorata.Web.Features.Webhooks;

/// <summary>The webhook pages' form: the endpoint, a box per event type (or all), a description, active.</summary>
public sealed class WebhookForm
{
    public string? Url { get; set; }

    public string? Description { get; set; }

    public bool All { get; set; }

    public bool InvoiceIssued { get; set; }

    public bool CreditNoteIssued { get; set; }

    public bool PaymentRecorded { get; set; }

    public bool SubscriptionChanged { get; set; }

    public bool CustomerChanged { get; set; }

    public bool ContractChanged { get; set; }

    public bool InvoiceVoided { get; set; }

    public bool PaymentReversed { get; set; }

    public bool Active { get; set; }

    public int? Version { get; set; }

    public static WebhookForm From(WebhookSubscription s)
    {
        var types = WebhookEventTypes.Parse(s.EventTypes);
        return new WebhookForm
        {
            Url = s.Url,
            Description = s.Description,
            All = types.Contains(WebhookEventTypes.All),
            InvoiceIssued = types.Contains(WebhookEventTypes.InvoiceIssued),
            CreditNoteIssued = types.Contains(WebhookEventTypes.CreditNoteIssued),
            PaymentRecorded = types.Contains(WebhookEventTypes.PaymentRecorded),
            SubscriptionChanged = types.Contains(WebhookEventTypes.SubscriptionChanged),
            CustomerChanged = types.Contains(WebhookEventTypes.CustomerChanged),
            ContractChanged = types.Contains(WebhookEventTypes.ContractChanged),
            InvoiceVoided = types.Contains(WebhookEventTypes.InvoiceVoided),
            PaymentReversed = types.Contains(WebhookEventTypes.PaymentReversed),
            Active = s.Active,
            Version = s.Version,
        };
    }

    /// <summary>"All" wins over single boxes: it also covers types added later.</summary>
    public WebhookDraft ToDraft() => new(Url, All ? [WebhookEventTypes.All] : Chosen().ToList(), Description, Active);

    private IEnumerable<string> Chosen()
    {
        if (InvoiceIssued) yield return WebhookEventTypes.InvoiceIssued;
        if (CreditNoteIssued) yield return WebhookEventTypes.CreditNoteIssued;
        if (PaymentRecorded) yield return WebhookEventTypes.PaymentRecorded;
        if (SubscriptionChanged) yield return WebhookEventTypes.SubscriptionChanged;
        if (CustomerChanged) yield return WebhookEventTypes.CustomerChanged;
        if (ContractChanged) yield return WebhookEventTypes.ContractChanged;
        if (InvoiceVoided) yield return WebhookEventTypes.InvoiceVoided;
        if (PaymentReversed) yield return WebhookEventTypes.PaymentReversed;
    }
}
