using System.Globalization;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Contracts;

/// <summary>One row of the pricing rules table; a row left entirely blank is not a rule.</summary>
public sealed class PricingRuleForm
{
    public string? ProductId { get; set; }

    public string? SkuId { get; set; }

    public string? Method { get; set; }

    /// <summary>As typed: read here, so that text that is not a number is named back instead of dropped.</summary>
    public string? Value { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(ProductId) && string.IsNullOrWhiteSpace(SkuId)
        && string.IsNullOrWhiteSpace(Method) && string.IsNullOrWhiteSpace(Value);

    /// <summary>Why <see cref="Value"/> is not a number, or null.</summary>
    public string? ValueError => string.IsNullOrWhiteSpace(Value) || Number(Value) is not null
        ? null
        : $"value must be a number such as 10 or 7.5; got '{Value}'.";

    public PricingRuleDraft ToDraft() => new(ProductId, SkuId, Method, string.IsNullOrWhiteSpace(Value) ? null : Number(Value));

    public static string Text(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static decimal? Number(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
}
