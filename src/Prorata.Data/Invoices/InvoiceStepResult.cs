namespace Prorata.Data.Invoices;

/// <summary>The invoice after a lifecycle step, or why the step was refused (nothing changed), or that it does not exist.</summary>
public sealed record InvoiceStepResult(CustomerInvoice? Invoice, string? Refusal, string? NotFound)
{
    public static InvoiceStepResult Done(CustomerInvoice invoice) => new(invoice, null, null);

    public static InvoiceStepResult Refused(string message) => new(null, message, null);

    public static InvoiceStepResult Missing(Guid id) => new(null, null, $"No invoice has id '{id}'.");
}
