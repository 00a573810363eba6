namespace ReconFileGenerator;

/// <summary>A difference the generator plants between the file and the expected charges, each with one known outcome.</summary>
public enum Injection
{
    /// <summary>A seat-add pair in the file that Prorata never made: two unexpectedCharge lines.</summary>
    OutOfBandSeatAdd,

    /// <summary>Prorata cancelled, Microsoft did not: one missing cancelImmediate and one unexpected cycleCharge after it.</summary>
    MissedCancellation,

    /// <summary>Microsoft's unit price is 10% higher on the last cycle: one priceMismatch.</summary>
    PriceChange,

    /// <summary>A 20% promotion lowers the effective price of the last cycle: one amountMismatch.</summary>
    Promotion,

    /// <summary>Two more seats billed on the last cycle: one quantityMismatch.</summary>
    QuantityChange,

    /// <summary>A whole subscription Prorata does not know: every one of its lines is unknownSubscription.</summary>
    OrphanSubscription,

    /// <summary>A seat-add pair rounded by truncating the per-seat price first: both lines still match.</summary>
    ConventionB,

    /// <summary>A cycle Prorata expects that the file does not bill yet: one missingCharge.</summary>
    NotBilled,
}
