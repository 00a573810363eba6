namespace Prorata.Application.Commissions;

/// <summary>What a commission command did; the API maps each refusal to its status (400, 422, 404, 409).</summary>
public enum CommissionOutcome
{
    Done,

    /// <summary>A field is malformed or out of range (400, by field).</summary>
    Invalid,

    /// <summary>Well-formed, but against a rule (422, with a stable code).</summary>
    Refused,

    NotFound,

    /// <summary>The thing is not in the state the command needs (approved twice, paid twice; 409).</summary>
    Conflict,
}
