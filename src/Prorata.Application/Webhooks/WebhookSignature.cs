using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Prorata.Application.Webhooks;

/// <summary>
/// How a delivery is signed (docs/webhooks.md §Signature): <c>Prorata-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, the hex
/// being the lower-case HMAC-SHA256 of <c>t + "." + body</c> keyed with the secret's UTF-8 bytes, exactly as shown when it
/// was made. During a rotation's grace period a second <c>v1</c> carries the previous secret's signature.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "Prorata-Signature";
    public const string TimestampHeader = "Prorata-Timestamp";
    public const string EventIdHeader = "Prorata-Event-Id";
    public const string EventTypeHeader = "Prorata-Event-Type";
    public const string DeliveryIdHeader = "Prorata-Delivery-Id";
    public const string AttemptHeader = "Prorata-Attempt";

    public static string Compute(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body)));

    /// <summary>The header's value: the timestamp, then one <c>v1</c> per secret, the current one first.</summary>
    public static string Header(long timestamp, string body, IEnumerable<string> secrets) =>
        string.Join(",", secrets.Select(s => "v1=" + Compute(s, timestamp, body)).Prepend("t=" + timestamp.ToString(CultureInfo.InvariantCulture)));
}
