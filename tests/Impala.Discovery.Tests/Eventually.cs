namespace Impala.Discovery.Tests;

/// <summary>For what the site does on its own after a change (the watcher imports within about a second): poll until it shows.</summary>
public static class Eventually
{
    /// <summary>Reads until <paramref name="ready"/> holds, for up to 30 s so that a slow, busy machine does not fail the test.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> ready, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (ready(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Within 30 seconds, {what} did not happen; last seen: {value}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
