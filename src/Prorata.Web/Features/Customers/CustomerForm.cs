using Prorata.Data.Customers;
using Prorata.Domain.Customers;

namespace Prorata.Web.Features.Customers;

/// <summary>The customer form's fields; property names match the API's field names so refusals land next to their field.</summary>
public sealed class CustomerForm
{
    public string? Name { get; set; }

    public string? Currency { get; set; } = "USD";

    public string? BillingEmail { get; set; }

    public string? ParentCustomerId { get; set; }

    public bool CreditHold { get; set; }

    public int Version { get; set; }

    public static CustomerForm From(Customer c) => new()
    {
        Name = c.Name,
        Currency = c.Currency,
        BillingEmail = c.BillingEmail,
        ParentCustomerId = c.ParentCustomerId?.ToString(),
        CreditHold = c.CreditHold,
        Version = c.Version,
    };

    /// <summary>An unparseable parent id is kept as the empty id, which the rules refuse by name.</summary>
    public CustomerDraft ToDraft() => new(
        Name,
        Currency,
        BillingEmail,
        string.IsNullOrWhiteSpace(ParentCustomerId) ? null : Guid.TryParse(ParentCustomerId, out var id) ? id : Guid.Empty,
        CreditHold);
}
