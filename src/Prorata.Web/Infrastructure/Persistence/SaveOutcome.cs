namespace Prorata.Web.Infrastructure.Persistence;

public enum SaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}
