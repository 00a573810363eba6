using Prorata.Domain.Money;

namespace Prorata.Domain.Customers;

/// <summary>A customer's validated details. A customer on <see cref="CreditHold"/> gets no new provisioning (billing-rules §4).</summary>
public sealed record CustomerDetails(string Name, Currency Currency, string BillingEmail, Guid? ParentCustomerId, bool CreditHold, CustomerBillingProfile Profile);
