using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Impala.Discovery.Tests;

/// <summary>A logger that keeps every warning and error, so a test can assert that an import logged none.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _problems = new();

    public IReadOnlyList<string> Problems => [.. _problems];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _problems.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
        }
    }
}
