using Prorata.Data.Receivables;

namespace Prorata.Web.Features.Receivables;

public sealed record PaymentResponse(Guid Id, Guid CustomerId, decimal Amount, string Currency, DateTimeOffset ReceivedAt, string Method, string Reference, Guid? InvoiceId,
    string Provider, string RecordedBy, DateTimeOffset RecordedAt, string? ReversedReason, DateTimeOffset? ReversedAt, IReadOnlyList<AllocationResponse> Allocations)
{
    public string? CustomerName { get; init; }

    public static PaymentResponse From(Payment p, IReadOnlyList<PaymentAllocationRow> allocations) =>
        new(p.Id, p.CustomerId, p.Amount, p.Currency, p.ReceivedAt, Camel(p.Method.ToString()), p.Reference, p.InvoiceId, Camel(p.Provider.ToString()), p.RecordedBy, p.RecordedAt,
            p.Reversal is { } r ? Camel(r.Reason.ToString()) : null, p.Reversal?.ReversedAt,
            allocations.Select(a => new AllocationResponse(a.InvoiceId, a.Amount, a.AllocatedAt)).ToList());

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
