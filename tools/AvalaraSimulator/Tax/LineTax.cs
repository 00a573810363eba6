namespace AvalaraSimulator.Tax;

/// <summary>One line's tax and the share of each jurisdiction; amounts keep the line's sign.</summary>
public sealed record LineTax(decimal Tax, decimal Taxable, decimal Exempt, IReadOnlyList<DetailTax> Details);

public sealed record DetailTax(JurisdictionRate Rate, decimal Tax, decimal Taxable, decimal Exempt);
