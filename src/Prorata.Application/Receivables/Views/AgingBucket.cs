namespace Prorata.Application.Receivables.Views;

/// <summary>An aging row: what one legal entity is owed in one currency, by days past due.</summary>
public sealed record AgingBucket(Guid LegalEntityId, string LegalEntityName, string Currency, decimal Current, decimal Days1To30, decimal Days31To60,
    decimal Days61To90, decimal Over90, decimal Total);
