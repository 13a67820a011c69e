using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Impala.Discovery.Tests;

/// <summary>Every event the app's logger writes, read from the services as the app's other sinks are.</summary>
public sealed class KeptLogEvents : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> All => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The events of the loggers named for this type (Serilog's SourceContext).</summary>
    public IReadOnlyList<LogEvent> From(string sourceContext) =>
        All.Where(logEvent => logEvent.Properties.TryGetValue("SourceContext", out var source)
            && source is ScalarValue { Value: string name } && name.StartsWith(sourceContext, StringComparison.Ordinal)).ToList();
}
