namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>
/// An activity-log entry (§4.5). Old and new values are the JSON strings Partner Center stores; the application id and
/// user tell a change Prorata made from one made in the portal or by another tool.
/// </summary>
public sealed record PartnerCenterAuditRecord(
    string Id,
    string CustomerId,
    string? CustomerName,
    string? UserPrincipalName,
    string? ApplicationId,
    string ResourceType,
    string OperationType,
    DateTimeOffset OperationDate,
    string OperationStatus,
    string? ResourceOldValue,
    string? ResourceNewValue,
    IReadOnlyDictionary<string, string> CustomizedData)
{
    public string? SubscriptionId => CustomizedData.GetValueOrDefault("SubscriptionId");
}
