namespace AvalaraSimulator.Tax;

/// <summary>
/// The simulator's rounding, line by line: a line's tax is its amount × the sum of its jurisdictions' rates, rounded once to
/// cents half away from zero (100.00 × 10.25 % = 10.25; 33.33 × 10.25 % = 3.416325 → 3.42; −33.33 → −3.42). Each
/// jurisdiction's detail is rounded the same way and the last detail takes the remainder, so details always add up to
/// the line. The document's total tax is the sum of its lines. An exempt line (an exemption number on the document) keeps
/// its jurisdictions with tax 0, taxable 0 and the amount as exempt.
/// </summary>
public static class TaxCalculator
{
    public static LineTax Calculate(decimal amount, Jurisdiction jurisdiction, bool exempt)
    {
        if (exempt)
        {
            return new LineTax(0m, 0m, amount, [.. jurisdiction.Rates.Select(r => new DetailTax(r, 0m, 0m, amount))]);
        }
        var total = Round(amount * jurisdiction.Rates.Sum(r => r.Rate));
        var details = new List<DetailTax>();
        var assigned = 0m;
        for (var i = 0; i < jurisdiction.Rates.Count; i++)
        {
            var rate = jurisdiction.Rates[i];
            var tax = i == jurisdiction.Rates.Count - 1 ? total - assigned : Round(amount * rate.Rate);
            assigned += tax;
            details.Add(new DetailTax(rate, tax, amount, 0m));
        }
        return new LineTax(total, jurisdiction.Rates.Count == 0 ? 0m : amount, 0m, details);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
