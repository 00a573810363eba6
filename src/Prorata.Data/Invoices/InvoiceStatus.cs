namespace Prorata.Data.Invoices;

/// <summary>
/// draft → issued → void or credited. Only a draft may change; an issued invoice may only move to void or credited,
/// and the database enforces it (a trigger).
/// </summary>
public enum InvoiceStatus
{
    Draft,
    Issued,
    Void,
    Credited,
}
