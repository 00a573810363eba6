namespace Prorata.Application.Insight;

/// <summary>What narrows the gross profit report; every filter is optional.</summary>
public sealed record GrossProfitFilter(Guid? LegalEntityId = null, Guid? CustomerId = null, Guid? ContractId = null, string? ProductId = null);
