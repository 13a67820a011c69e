namespace Impala.Discovery.Tests;

/// <summary>A clock a test sets by hand, for articles dated in the future.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
