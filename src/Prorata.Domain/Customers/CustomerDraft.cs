namespace Prorata.Domain.Customers;

/// <summary>A customer as a person or an API caller typed it, before validation.</summary>
public sealed record CustomerDraft(string? Name, string? Currency, string? BillingEmail, Guid? ParentCustomerId, bool? CreditHold);
