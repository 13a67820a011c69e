using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests;

/// <summary>
/// The repository's real content/ folder, which editors change every month. Only the live-content checks read it,
/// and they assume nothing about how many articles or entries it holds.
/// </summary>
public static class LiveContent
{
    public static string Path { get; } = ContentFolder.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The repository's content/ folder was not found above the test binaries.");
}
