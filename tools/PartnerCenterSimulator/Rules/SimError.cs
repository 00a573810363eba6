namespace PartnerCenterSimulator.Rules;

/// <summary>An error the way Partner Center returns it: HTTP status plus a body <c>{code, description, data, source}</c>.</summary>
public sealed record SimError(int HttpStatus, int Code, string Description)
{
    // Error codes and wording from Partner Center's developer/error-codes.md (microsoft-csp.md §1.3).
    public static SimError CancellationWindowDays(int days) =>
        new(400, 900117, $"You have passed your {days}-day cancellation window. We are unable to cancel your purchase");

    public static SimError CancellationWindowHours(int hours) =>
        new(400, 900213, $"You have passed your {hours}-hour cancellation window. We are unable to cancel your purchase");

    public static SimError SeatReductionWindowDays(int days) =>
        new(400, 900257, $"You have passed your {days}-day window for reducing seats for this subscription.");

    public static SimError SeatReductionWindowHours(int hours) =>
        new(400, 900214, $"You have passed your {hours}-hour window for reducing seats for this subscription.");

    public static SimError QuantityCannotDecrease() => new(400, 800090, "Subscription quantity can't be decreased");

    public static SimError Suspended() =>
        new(400, 2001, "Subscription quantity can't be increased or decreased while subscription is being suspended");

    // The documents give no code for these; the simulator's own codes sit in a range Microsoft's list does not use.
    public static SimError Invalid(string description) => new(400, 990001, description);

    public static SimError NotActive(string status) => new(400, 990002, $"The subscription is {status}; the operation is not allowed.");

    public static SimError NotFound(string what) => new(404, 990404, $"{what} was not found.");

    public static SimError PreconditionFailed() => new(412, 990412, "The resource has changed since it was read (ETag mismatch).");

    public static SimError RenewalInProgress() =>
        new(409, 990409, "The subscription is being renewed. Retry the update in 2 minutes.");
}
