namespace Prorata.Application.Insight;

/// <summary>A month of a legal entity's deferred revenue in one currency, as the page, the API and the export show it.</summary>
public sealed record DeferredRevenueRow(Guid LegalEntityId, string LegalEntityName, string Currency, string Month, decimal Opening, decimal Billed, decimal Recognised,
    decimal Closing);
