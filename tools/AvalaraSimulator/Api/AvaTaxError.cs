namespace AvalaraSimulator.Api;

/// <summary>
/// An answer in AvaTax's error model: <c>{"error": {"code", "message", "target", "details": [{"code", "number", "message",
/// "description", "faultCode", "helpLink", "refersTo", "severity"}]}}</c>, with AvaTax's code names and numbers.
/// </summary>
public sealed record AvaTaxError(int Status, string Code, int Number, string Message, string? Description = null, string? RefersTo = null, string Target = "Unknown")
{
    public static AvaTaxError Authentication() => new(401, "AuthenticationException", 30, "Authentication failed.",
        "Missing authentication or unable to authenticate the user or the account.", Target: "HttpRequestHeaders");

    public static AvaTaxError NotFound(string what, string id) => new(404, "EntityNotFoundError", 4, $"{what} not found.",
        $"{what} with ID '{id}' not found.");

    public static AvaTaxError Required(string field, string message) => new(400, "ValueRequiredError", 5, message, RefersTo: field, Target: "IncorrectData");

    public static AvaTaxError Invalid(string field, string message) => new(400, "InvalidParameterValue", 306, message, RefersTo: field, Target: "IncorrectData");

    public static AvaTaxError Cancelled(string code) => new(400, "TransactionAlreadyCancelled", 198,
        "The transaction has already been cancelled.", $"The transaction '{code}' is Cancelled and cannot be changed.");

    public IResult ToResult() => Results.Json(
        new
        {
            error = new
            {
                code = Code,
                message = Message,
                target = Target,
                details = new[]
                {
                    new
                    {
                        code = Code,
                        number = Number,
                        message = Message,
                        description = Description,
                        faultCode = "Client",
                        helpLink = $"http://developer.avalara.com/avatax/errors/{Code}",
                        refersTo = RefersTo,
                        severity = "Error",
                    },
                },
            },
        },
        statusCode: Status);
}
