namespace Prorata.Data.Portal;

/// <summary>
/// What a customer's own user may do in the portal. Stored as text: never rename one.
/// Admin: everything, its colleagues' accounts included; Billing: invoices, payments and payment methods, and reading the
/// rest; ReadOnly: reading.
/// </summary>
public enum CustomerUserRole
{
    Admin,
    Billing,
    ReadOnly,
}
