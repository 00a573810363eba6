namespace Prorata.Web.Features.Receivables;

public sealed record AllocationResponse(Guid InvoiceId, decimal Amount, DateTimeOffset AllocatedAt);
