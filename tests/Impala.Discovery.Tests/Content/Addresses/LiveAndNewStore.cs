namespace Impala.Discovery.Tests.Content.Addresses;

/// <summary>
/// Two instances of one content repository after the same commits: a live store that imported the content as published
/// and then each commit as it was pulled (the last one not imported yet), and a new store built from a clone of the last
/// commit. What a running site serves and what a new instance serves must agree.
/// </summary>
public sealed class LiveAndNewStore : IDisposable
{
    private LiveAndNewStore(TestRepository repository, ImportHarness live, ImportHarness fresh)
    {
        Repository = repository;
        Live = live;
        Fresh = fresh;
    }

    public TestRepository Repository { get; }

    public ImportHarness Live { get; }

    public ImportHarness Fresh { get; }

    public IEnumerable<(ImportHarness Harness, string Store)> Both => [(Live, "the live store"), (Fresh, "a new store")];

    /// <summary>Commits each change in turn (a day apart) on top of the published content.</summary>
    /// <param name="published">When the content was first committed.</param>
    /// <param name="changes">Each is made in the repository's working tree and committed; the live store imports every one but the last.</param>
    public static async Task<LiveAndNewStore> AfterAsync(DateTimeOffset published, params Action<TestRepository>[] changes)
    {
        var repository = new TestRepository(published);
        var liveCheckout = repository.Clone();
        var live = new ImportHarness(liveCheckout.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);
        for (var index = 0; index < changes.Length; index++)
        {
            changes[index](repository);
            repository.Commit($"change {index + 1}", new DateTimeOffset(2026, 11, 10 + index, 9, 0, 0, TimeSpan.Zero));
            liveCheckout.Git("pull", "-q", "--ff-only");
            // Pulled a while ago: not held as files that may still be being written.
            foreach (var file in Directory.EnumerateFiles(Path.Combine(liveCheckout.Content, "articles")))
            {
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));
            }

            if (index < changes.Length - 1)
            {
                await live.ImportAsync();
            }
        }

        return new LiveAndNewStore(repository, live, new ImportHarness(repository.Clone().Content, inPlace: true));
    }

    public void Dispose()
    {
        Live.Dispose();
        Fresh.Dispose();
    }
}
