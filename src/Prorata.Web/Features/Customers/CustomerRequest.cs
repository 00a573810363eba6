using Prorata.Domain.Customers;

namespace Prorata.Web.Features.Customers;

/// <summary>Body of POST and PUT /api/v1/customers. <see cref="Version"/> (PUT only, optional) guards against lost updates.</summary>
public sealed record CustomerRequest(string? Name, string? Currency, string? BillingEmail, Guid? ParentCustomerId, bool? CreditHold, int? Version)
{
    public CustomerDraft ToDraft() => new(Name, Currency, BillingEmail, ParentCustomerId, CreditHold);
}
