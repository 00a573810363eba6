using Microsoft.Extensions.Logging;

namespace Prorata.Web.Tests;

/// <summary>One log line: its category, level, text and the key-value pairs of the scopes it was written in.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, string?> Scope);
