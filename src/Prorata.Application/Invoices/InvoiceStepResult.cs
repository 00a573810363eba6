using Prorata.Data.Invoices;

namespace Prorata.Application.Invoices;

/// <summary>
/// The invoice after a lifecycle step; or why the step was refused (nothing changed), with the fields at fault when the
/// request itself was wrong; or that the invoice is waiting for an outside system; or that it does not exist.
/// </summary>
public sealed record InvoiceStepResult(CustomerInvoice? Invoice, string? Refusal, string? NotFound)
{
    public IDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Nothing is wrong with the request: an outside system did not answer and the step is retried on its own.</summary>
    public bool IsWaiting { get; init; }

    public static InvoiceStepResult Done(CustomerInvoice invoice) => new(invoice, null, null);

    public static InvoiceStepResult Refused(string message) => new(null, message, null);

    public static InvoiceStepResult Invalid(string field, string message) => new(null, message, null) { Errors = new Dictionary<string, string[]> { [field] = [message] } };

    public static InvoiceStepResult Waiting(string message) => new(null, message, null) { IsWaiting = true };

    public static InvoiceStepResult Missing(Guid id) => new(null, null, $"No invoice has id '{id}'.");
}
