using Prorata.Data.Customers;

namespace Prorata.Web.Features.Customers;

public sealed record CustomerResponse(
    Guid Id,
    string Name,
    string Currency,
    string BillingEmail,
    Guid? ParentCustomerId,
    bool CreditHold,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static CustomerResponse From(Customer c) =>
        new(c.Id, c.Name, c.Currency, c.BillingEmail, c.ParentCustomerId, c.CreditHold, c.CreatedAt, c.UpdatedAt, c.Version);
}
