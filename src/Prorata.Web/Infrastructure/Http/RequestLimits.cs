namespace Prorata.Web.Infrastructure.Http;

/// <summary>
/// Bounds on what one request may send (<c>Prorata:Limits</c>). File uploads have their own (<c>Prorata:Imports</c>);
/// everything else is small JSON or a form, so its body is capped well below Kestrel's 30 MB default.
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "Prorata:Limits";

    /// <summary>The largest JSON body accepted (bytes); larger is 413. Simulations have their own cap.</summary>
    public long JsonBodyBytes { get; set; } = 1 << 20;
}
