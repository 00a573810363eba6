namespace Prorata.Web.Features.Webhooks;

/// <summary>The webhook page's "new secret" form: how long the previous secret keeps signing beside the new one.</summary>
public sealed class RotateSecretForm
{
    public int? GraceHours { get; set; }
}
