using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Prorata.Web.Features.Account;

/// <summary>
/// Progressive delays per client address instead of account lockout: guessing from one address slows to one try per
/// <see cref="SignInThrottleOptions.MaxDelaySeconds"/>, and the account being guessed stays usable from everywhere else.
/// Memory is bounded: addresses idle for an hour are forgotten when the table grows.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    private const int PruneAbove = 10_000;
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Failures> byAddress = new();

    /// <summary>How long the address must still wait before it may try again; null when it may try now.</summary>
    public TimeSpan? Wait(IPAddress? client)
    {
        if (!byAddress.TryGetValue(Key(client), out var failures))
        {
            return null;
        }
        var left = failures.NextAttempt - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    public void Failed(IPAddress? client)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        byAddress.AddOrUpdate(Key(client),
            _ => Next(1, now, settings),
            (_, before) => Next(before.Count + 1, now, settings));
        if (byAddress.Count > PruneAbove)
        {
            foreach (var (key, entry) in byAddress)
            {
                if (now - entry.LastFailure > ForgetAfter) byAddress.TryRemove(key, out _);
            }
        }
    }

    public void Succeeded(IPAddress? client) => byAddress.TryRemove(Key(client), out _);

    private static Failures Next(int count, DateTimeOffset now, SignInThrottleOptions settings)
    {
        var over = count - settings.FreeFailures;
        if (over <= 0)
        {
            return new Failures(count, now, now);
        }
        var seconds = Math.Min((double)settings.MaxDelaySeconds, settings.FirstDelaySeconds * Math.Pow(2, Math.Min(over - 1, 30)));
        return new Failures(count, now, now.AddSeconds(seconds));
    }

    // IPv6 clients get a /64 each from their provider: one address per network, or rotating addresses would evade it.
    private static string Key(IPAddress? client)
    {
        if (client is null)
        {
            return "unknown";
        }
        if (client.IsIPv4MappedToIPv6)
        {
            return client.MapToIPv4().ToString();
        }
        if (client.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = client.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes).ToString();
        }
        return client.ToString();
    }

    private sealed record Failures(int Count, DateTimeOffset LastFailure, DateTimeOffset NextAttempt);
}
