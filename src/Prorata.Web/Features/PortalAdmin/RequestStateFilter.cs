using Prorata.Data.Portal;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.PortalAdmin;

/// <summary>The approvals list's state filter as the API, the page and the CLI write it: a state in camelCase, or all.</summary>
public static class RequestStateFilter
{
    public const string All = "all";

    /// <summary>False, with the field's error added, for a word that is neither a state nor all; null state: all of them.</summary>
    public static bool TryRead(string? text, ValidationErrors errors, out PortalRequestState? state)
    {
        state = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals(All, StringComparison.OrdinalIgnoreCase)) return true;
        var trimmed = text.Trim();
        if (!char.IsDigit(trimmed[0]) && trimmed[0] != '-' && Enum.TryParse<PortalRequestState>(trimmed, ignoreCase: true, out var parsed))
        {
            state = parsed;
            return true;
        }
        errors.Add("state", $"state must be one of {EnumText.Names<PortalRequestState>()} or {All}; got '{text}'.");
        return false;
    }
}
