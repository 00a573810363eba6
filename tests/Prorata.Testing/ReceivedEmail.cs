using MimeKit;

namespace Prorata.Testing;

/// <summary>
/// A message <see cref="LocalSmtpServer"/> took: the envelope (MAIL FROM, the RCPT TO addresses it accepted), the bytes
/// as they arrived and the same parsed by MimeKit.
/// </summary>
public sealed record ReceivedEmail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, byte[] Raw, MimeMessage Message);
