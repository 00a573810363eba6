namespace Prorata.Application;

public enum SaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}
