using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Components.Forms;

namespace Prorata.Web.Infrastructure.Forms;

/// <summary>
/// Shows the domain rules' refusals next to the fields of a form. Error keys are wire names ("billingDay",
/// "pricingRules[0].value"); the form model uses the same names in PascalCase, so a key finds its field.
/// </summary>
public static class ServerValidation
{
    public static void Show(EditContext editContext, ValidationMessageStore store, IDictionary<string, string[]> errors)
    {
        store.Clear();
        foreach (var (key, messages) in errors)
        {
            store.Add(Resolve(editContext.Model, key), messages);
        }
        editContext.NotifyValidationStateChanged();
    }

    /// <summary>Puts a message on a field when the refusal was not a field rule (a conflict, say).</summary>
    public static void Show(EditContext editContext, ValidationMessageStore store, string field, string message) =>
        Show(editContext, store, new Dictionary<string, string[]> { [field] = [message] });

    private static FieldIdentifier Resolve(object model, string key)
    {
        var segments = key.Split('.');
        var owner = model;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var (name, index) = Parse(segments[i]);
            var value = Property(owner, name)?.GetValue(owner);
            if (index is { } at && value is IList list && at < list.Count)
            {
                value = list[at];
            }
            if (value is null)
            {
                return new FieldIdentifier(model, key);
            }
            owner = value;
        }
        var last = Parse(segments[^1]).Name;
        return new FieldIdentifier(owner, Property(owner, last)?.Name ?? last);
    }

    private static (string Name, int? Index) Parse(string segment)
    {
        var open = segment.IndexOf('[');
        return open < 0
            ? (segment, null)
            : (segment[..open], int.TryParse(segment[(open + 1)..^1], out var index) ? index : null);
    }

    private static PropertyInfo? Property(object owner, string name) =>
        owner.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
}
