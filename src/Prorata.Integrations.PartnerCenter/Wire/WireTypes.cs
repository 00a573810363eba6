using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prorata.Integrations.PartnerCenter.Wire;

// Partner Center's JSON as it arrives (microsoft-csp.md §4). Kept together because they are one contract, internal, and
// mapped to the public models in PartnerCenterClient; numbers may arrive as strings (web defaults read both).

internal sealed record WireCollection<T>(int TotalCount, List<T>? Items, WireLinks? Links, string? ContinuationToken);

internal sealed record WireLinks(WireLink? Next);

internal sealed record WireLink(string Uri, string? Method, List<WireHeader>? Headers);

internal sealed record WireHeader(string Key, string? Value);

internal sealed record WireAttributes(string? ObjectType, string? Etag);

internal sealed record WireError(JsonElement Code, string? Description);

internal sealed record WireCustomer(string Id, WireCompanyProfile? CompanyProfile, WireBillingProfile? BillingProfile, string? RelationshipToPartner);

internal sealed record WireCompanyProfile(string? TenantId, string? Domain, string? CompanyName);

internal sealed record WireBillingProfile(string? CompanyName, WireAddress? DefaultAddress);

internal sealed record WireAddress(string? Country);

internal sealed record WireSubscription(
    string Id,
    string? OfferId,
    string? OfferName,
    string? FriendlyName,
    int Quantity,
    string? Status,
    bool AutoRenewEnabled,
    string? TermDuration,
    string? BillingCycle,
    DateTimeOffset? CreationDate,
    DateTimeOffset? EffectiveStartDate,
    DateTimeOffset? CommitmentEndDate,
    DateTimeOffset? CancellationAllowedUntilDate,
    WireRefundableQuantity? RefundableQuantity,
    WireScheduled? ScheduledNextTermInstructions,
    string? MigratedFromSubscriptionId,
    string? OrderId,
    WireAttributes? Attributes);

internal sealed record WireRefundableQuantity(int TotalQuantity, List<WireRefundDetail>? Details);

internal sealed record WireRefundDetail(int Quantity, DateTimeOffset AllowedUntilDateTime);

internal sealed record WireScheduled(WireProductTerm? Product, int Quantity, DateTimeOffset? CustomTermEndDate);

internal sealed record WireProductTerm(string? ProductId, string? SkuId, string? AvailabilityId, string? BillingCycle, string? TermDuration);

internal sealed record WireCart(string Id, List<WireCartLine>? LineItems);

internal sealed record WireCartLine(int Id, WireCartError? Error);

internal sealed record WireCartError(JsonElement ErrorCode, string? ErrorDescription);

internal sealed record WireCheckout(List<WireOrder>? Orders, List<WireOrderError>? OrderErrors);

internal sealed record WireOrderError(string? OrderGroupId, JsonElement Code, string? Description);

internal sealed record WireOrder(string Id, string? Status, List<WireOrderLine>? LineItems);

internal sealed record WireOrderLine(int LineItemNumber, string? OfferId, string? SubscriptionId, int Quantity);

internal sealed record WireAvailability(string? Id, string? ProductId, string? SkuId, string? CatalogItemId);

internal sealed record WireSubscribedSku(
    int AvailableUnits,
    int ActiveUnits,
    int ConsumedUnits,
    int SuspendedUnits,
    int TotalUnits,
    int WarningUnits,
    WireProductSku? ProductSku,
    string? CapabilityStatus);

internal sealed record WireProductSku(string? Id, string? Name, string? SkuPartNumber, string? TargetType, string? LicenseGroupId);

internal sealed record WireSku(string? Id, string? ProductId, Dictionary<string, JsonElement>? DynamicAttributes);

internal sealed record WireTransition(string? FromSubscriptionId, string? ToSubscriptionId, int Quantity);

internal sealed record WireAuditRecord(
    string Id,
    string? CustomerId,
    string? CustomerName,
    string? UserPrincipalName,
    string? ApplicationId,
    string? ResourceType,
    string? ResourceOldValue,
    string? ResourceNewValue,
    string? OperationType,
    DateTimeOffset OperationDate,
    string? OperationStatus,
    List<WireHeader>? CustomizedData);

internal sealed record WireInvoice(
    string Id,
    DateTimeOffset InvoiceDate,
    DateTimeOffset BillingPeriodStartDate,
    DateTimeOffset BillingPeriodEndDate,
    decimal TotalCharges,
    string? CurrencyCode,
    string? DocumentType);

internal sealed record WireLineItem(
    string? InvoiceNumber,
    string? CustomerId,
    string? CustomerName,
    string? OrderId,
    DateTimeOffset? OrderDate,
    string? ProductId,
    string? SkuId,
    string? AvailabilityId,
    string? SkuName,
    string? ChargeType,
    decimal UnitPrice,
    decimal EffectiveUnitPrice,
    decimal Quantity,
    decimal BillableQuantity,
    decimal Subtotal,
    decimal TaxTotal,
    [property: JsonPropertyName("totalForCustomer")] decimal Total,
    string? Currency,
    string? SubscriptionId,
    DateTimeOffset? ChargeStartDate,
    DateTimeOffset? ChargeEndDate,
    DateTimeOffset? SubscriptionStartDate,
    DateTimeOffset? SubscriptionEndDate,
    string? TermAndBillingCycle,
    string? BillingFrequency,
    string? ReferenceId,
    string? PromotionId);
