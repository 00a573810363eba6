using Prorata.Domain.Billing;

namespace Prorata.Reconciliation.Tests;

/// <summary>
/// The provider charges Prorata expects for the hand-made files in Files/: S1 is scenario 02 (P1Y billed monthly at
/// 144.00 a year, so 12.00 a cycle, 10 seats from 2025-01-01); S2 is a one-month term of 10 seats at 12.00 bought on
/// 2025-01-01, renewed on 02-01 and cancelled in Prorata on 02-03, inside the 168-hour window.
/// </summary>
internal static class HandMadeCharges
{
    public const string S1 = "a3f1c2d4-0001-4e5f-8a9b-0c1d2e3f4a5b";
    public const string S2 = "a3f1c2d4-0002-4e5f-8a9b-0c1d2e3f4a5b";

    public static readonly ProviderCharge[] S1ThreeCycles =
    [
        Charge(S1, ChargeType.New, "2025-01-01", "2025-01-31", 12.00m, 10, 120.00m),
        Charge(S1, ChargeType.CycleCharge, "2025-02-01", "2025-02-28", 12.00m, 10, 120.00m),
        Charge(S1, ChargeType.CycleCharge, "2025-03-01", "2025-03-31", 12.00m, 10, 120.00m),
    ];

    // 5 seats added on 03-14: 18 of March's 31 days, 12.00 × 18 / 31 = 6.9677… a seat, truncated per line (convention A).
    public static readonly ProviderCharge[] S1SeatAdd =
    [
        .. S1ThreeCycles,
        new(S1, ChargeType.AddQuantity, new(2025, 3, 14), new(2025, 3, 31), 12.00m, -12.00m * 18 / 31, 10, -69.67m, "S1-add-0314", "CFQ7TTC0LCHC", "0002", "USD"),
        new(S1, ChargeType.AddQuantity, new(2025, 3, 14), new(2025, 3, 31), 12.00m, 12.00m * 18 / 31, 15, 104.51m, "S1-add-0314", "CFQ7TTC0LCHC", "0002", "USD"),
    ];

    // Cancelled on 02-03: 26 of February's 28 days refunded, 12.00 × 26 / 28 × 10 = 111.428… truncated to 111.42.
    public static readonly ProviderCharge[] S2Cancelled =
    [
        Charge(S2, ChargeType.New, "2025-01-01", "2025-01-31", 12.00m, 10, 120.00m),
        Charge(S2, ChargeType.Renew, "2025-02-01", "2025-02-28", 12.00m, 10, 120.00m),
        new(S2, ChargeType.CancelImmediate, new(2025, 2, 3), new(2025, 2, 28), 12.00m, -12.00m * 26 / 28, 10, -111.42m, "S2-cancel", "CFQ7TTC0LCHC", "0002", "USD"),
    ];

    public static ProviderCharge Charge(string subscription, ChargeType type, string start, string end, decimal unitPrice, int quantity, decimal total) =>
        new(subscription, type, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            unitPrice, unitPrice, quantity, total, "", "CFQ7TTC0LCHC", "0002", "USD");
}
