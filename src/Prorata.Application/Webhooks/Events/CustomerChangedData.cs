namespace Prorata.Application.Webhooks.Events;

/// <summary>The data of <c>customer.changed</c>: the customer as saved, <c>created</c> or <c>updated</c> by staff.</summary>
public sealed record CustomerChangedData(
    Guid CustomerId,
    string Change,
    string Name,
    string Currency,
    string BillingEmail,
    Guid? ParentCustomerId,
    bool CreditHold,
    int Version);
