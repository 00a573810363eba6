using Prorata.Application.Invoices;

namespace Prorata.Web.Features.Invoices;

/// <summary>
/// Body of POST /api/v1/invoices/{id}/credit (optional): <see cref="Lines"/> the 1-based positions of whole lines to
/// credit, or <see cref="Amount"/> before tax with its <see cref="Reason"/>; no body credits everything not credited yet.
/// </summary>
public sealed record CreditNoteRequest(IReadOnlyList<int>? Lines, decimal? Amount, string? Reason)
{
    public CreditRequest? ToRequest() => Lines is null && Amount is null ? null : new CreditRequest(Lines, Amount, Reason);
}
