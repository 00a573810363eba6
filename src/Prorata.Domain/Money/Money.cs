namespace Prorata.Domain.Money;

/// <summary>An amount in one currency. Arithmetic across currencies is a bug and throws.</summary>
public readonly record struct Money(decimal Amount, Currency Currency)
{
    public static Money Zero(Currency currency) => new(0m, currency);

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, Same(a, b));
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, Same(a, b));
    public static Money operator -(Money a) => new(-a.Amount, a.Currency);

    public Money RoundForCustomer() => new(Rounding.Customer(Amount, Currency), Currency);

    private static Currency Same(Money a, Money b) =>
        a.Currency == b.Currency ? a.Currency
            : throw new InvalidOperationException($"Cannot combine {a.Currency} and {b.Currency} amounts.");

    public override string ToString() => $"{Amount} {Currency.Code}";
}
