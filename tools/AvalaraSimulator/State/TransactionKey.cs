namespace AvalaraSimulator.State;

/// <summary>AvaTax keeps one transaction per company, code and document type (a SalesInvoice and a ReturnInvoice may share a code).</summary>
public readonly record struct TransactionKey(string CompanyCode, string Code, string Type)
{
    public static TransactionKey Of(string companyCode, string code, string type) => new(companyCode.ToUpperInvariant(), code, type);
}
