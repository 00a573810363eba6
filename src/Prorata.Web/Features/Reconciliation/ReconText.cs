using System.Text.Json;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>States, causes and statuses as the API and the pages write them: camelCase, as in scenarios/README.md.</summary>
public static class ReconText
{
    public static string Camel<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum => Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
}
