namespace PartnerCenterSimulator.Model;

/// <summary>An activity-log entry (§4.5); old and new values are JSON serialized as strings, as Partner Center does.</summary>
public sealed record SimAuditRecord(
    string Id,
    string PartnerId,
    string CustomerId,
    string CustomerName,
    string UserPrincipalName,
    string ApplicationId,
    string ResourceType,
    string? ResourceOldValue,
    string? ResourceNewValue,
    string OperationType,
    DateTimeOffset OperationDate,
    string OperationStatus,
    IReadOnlyList<KeyValuePair<string, string>> CustomizedData);
