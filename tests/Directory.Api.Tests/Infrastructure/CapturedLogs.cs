using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Thirty3.DirectoryApi.Tests.Infrastructure;

/// <summary>A log entry as the host wrote it, with its structured properties.</summary>
public sealed record CapturedLog(LogLevel Level, EventId EventId, string Category, string Message, IReadOnlyDictionary<string, object?> Properties);

/// <summary>Keeps what the host logs (warnings and above, as the test host is configured) so tests can assert on it.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
            owner.Entries.Enqueue(new CapturedLog(logLevel, eventId, category, formatter(state, exception), properties));
        }
    }
}
