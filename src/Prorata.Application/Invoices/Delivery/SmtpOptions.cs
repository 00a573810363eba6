using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Prorata.Application.Invoices.Delivery;

/// <summary>
/// Configuration section "Prorata:Smtp": the mail server invoice e-mails are sent through. Without a Host, e-mail delivery
/// is off (<see cref="IsConfigured"/>) and the rest is not checked.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Prorata:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Authenticates when set; most relays that take mail from anywhere else require it.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address to use when the seller's legal entity has none of its own.</summary>
    [EmailAddress]
    public string? DefaultFrom { get; set; }

    /// <summary>Each connect, read and write; a server slower than this is treated as down for now (try again later).</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    [MemberNotNullWhen(true, nameof(Host))]
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A password would cross the network in clear text.
        if (IsConfigured && Security == SmtpSecurity.None && !string.IsNullOrEmpty(UserName))
        {
            yield return new ValidationResult(
                "Prorata:Smtp:UserName is set but Security is None: use StartTls or SslOnConnect so the password is not sent in clear text.",
                [nameof(Security), nameof(UserName)]);
        }
    }
}
