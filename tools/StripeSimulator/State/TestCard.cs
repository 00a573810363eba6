namespace StripeSimulator.State;

/// <summary>
/// How a card number behaves, as Stripe's test cards do: declined when saved (<see cref="SetupDecline"/>), or saved and
/// then declined on every charge (<see cref="ChargeDecline"/>: 4000000000000341 generic_decline, 4000002760003184
/// authentication_required off session). Any other number that passes the Luhn check saves and charges fine.
/// </summary>
public sealed record TestCard(string Brand, string? SetupDecline, string? ChargeDecline)
{
    public static TestCard For(string number) => number switch
    {
        "4000000000000002" => new("visa", "generic_decline", null),
        "4000000000009995" => new("visa", "insufficient_funds", null),
        "4000000000000341" => new("visa", null, "generic_decline"),
        "4000002760003184" => new("visa", null, "authentication_required"),
        _ => new(BrandOf(number), null, null),
    };

    public static bool PassesLuhn(string number)
    {
        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            if (i % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return number.Length >= 12 && sum % 10 == 0;
    }

    /// <summary>Stripe's error for a decline code: (code, decline_code, message).</summary>
    public static (string Code, string? DeclineCode, string Message) Decline(string declineCode) => declineCode switch
    {
        "generic_decline" => ("card_declined", "generic_decline", "Your card was declined."),
        "insufficient_funds" => ("card_declined", "insufficient_funds", "Your card has insufficient funds."),
        "lost_card" => ("card_declined", "lost_card", "Your card has been declined."),
        "stolen_card" => ("card_declined", "stolen_card", "Your card has been declined."),
        "authentication_required" => ("authentication_required", "authentication_required", "Your card was declined. This transaction requires authentication."),
        "expired_card" => ("expired_card", null, "Your card has expired."),
        "incorrect_cvc" => ("incorrect_cvc", null, "Your card's security code is incorrect."),
        "processing_error" => ("processing_error", null, "An error occurred while processing your card. Try again in a little bit."),
        _ => ("card_declined", declineCode, "Your card was declined."),
    };

    private static string BrandOf(string number) => number[0] switch
    {
        '4' => "visa",
        '5' or '2' => "mastercard",
        '3' => "amex",
        _ => "unknown",
    };
}
