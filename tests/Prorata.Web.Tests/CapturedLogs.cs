using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Prorata.Web.Tests;

/// <summary>
/// A logger provider that keeps every line with the scope it was written in, read the way the console's JSON formatter
/// reads it (the logger factory's scopes, the span's TraceId and SpanId among them).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLog> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, string?>();
            owner._scopes.ForEachScope((value, pairs) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> items)
                    foreach (var (key, item) in items) pairs[key] = item?.ToString();
            }, scope);
            owner.Lines.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), scope));
        }
    }
}
