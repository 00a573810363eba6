using System.Net;
using Prorata.Domain.Contracts;

namespace Prorata.Application.Webhooks;

/// <summary>
/// What an endpoint may be: an absolute https URL (http only to this machine's loopback address, for local receivers
/// and simulators), without a user name or password in it, at most 2,000 characters; and the event types it wants,
/// known ones or "*" alone.
/// </summary>
public static class WebhookRules
{
    public const int MaxUrlLength = 2000;
    public const int MaxDescriptionLength = 200;

    public sealed record Checked(string Url, string EventTypes, string? Description);

    public static Checked? Validate(WebhookDraft draft, ValidationErrors errors)
    {
        var url = Url(draft.Url, errors);
        var types = EventTypes(draft.EventTypes, errors);
        var description = InputBounds.Text(draft.Description, "description", MaxDescriptionLength, errors, required: false);
        return errors.IsValid ? new Checked(url!, types!, description) : null;
    }

    private static string? Url(string? value, ValidationErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("url", "url is required: the https address events are POSTed to.");
            return null;
        }
        if (text.Length > MaxUrlLength)
        {
            errors.Add("url", $"url must be at most {MaxUrlLength:N0} characters; got {text.Length:N0}.");
            return null;
        }
        if (InputBounds.HasHiddenCharacters(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
        {
            errors.Add("url", $"url must be an absolute https URL; got '{InputBounds.Printable(text)}'.");
            return null;
        }
        if (uri.Scheme == "http" && !IsLoopback(uri))
        {
            errors.Add("url", $"url must use https (http only for localhost or 127.0.0.1); got '{text}'.");
            return null;
        }
        if (uri.UserInfo.Length > 0)
        {
            errors.Add("url", $"url must not carry a user name or password (the signature proves the sender); got '{uri.Scheme}://…@{uri.Authority}'.");
            return null;
        }
        if (uri.Fragment.Length > 0)
        {
            errors.Add("url", $"url must not have a fragment (#…), which is never sent; got '{text}'.");
            return null;
        }
        return text;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Stored as "*" or the known types in the catalogue's order, each once.</summary>
    private static string? EventTypes(IReadOnlyList<string>? values, ValidationErrors errors)
    {
        if (values is null || values.Count == 0)
        {
            errors.Add("eventTypes", $"eventTypes must name at least one event type ({string.Join(", ", WebhookEventTypes.Known)}), or \"*\" for all.");
            return null;
        }
        var unknown = values.Where(v => v != WebhookEventTypes.All && !WebhookEventTypes.Known.Contains(v, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("eventTypes", $"eventTypes must be among {string.Join(", ", WebhookEventTypes.Known)}, or \"*\" for all; got '{InputBounds.Printable(unknown[0] ?? "null")}'.");
            return null;
        }
        if (values.Contains(WebhookEventTypes.All))
        {
            if (values.Count > 1)
            {
                errors.Add("eventTypes", "eventTypes \"*\" means every type and must be alone; got it with others.");
                return null;
            }
            return WebhookEventTypes.All;
        }
        return string.Join(",", WebhookEventTypes.Known.Where(values.Contains));
    }
}
