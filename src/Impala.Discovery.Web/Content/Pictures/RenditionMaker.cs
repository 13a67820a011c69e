namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>
/// The import's write step for pictures: makes the renditions of every checked picture the store lacks, a few at once
/// (a fresh store may have hundreds, at about half a second each), and hands each to one writer. What fails is
/// returned by file name with why, so that the evaluation refuses what names it.
/// </summary>
public static class RenditionMaker
{
    public static async Task<Dictionary<string, string>> MakeAsync(
        PictureFolder folder, IReadOnlyDictionary<string, CheckedPicture> pictures, IReadOnlySet<string> storedHashes,
        Func<CheckedPicture, IReadOnlyList<(string Name, byte[] Bytes)>, Task> write)
    {
        // One name per new picture: two names of the same bytes share their renditions.
        var toMake = pictures.Where(pair => !storedHashes.Contains(pair.Value.Hash)).DistinctBy(pair => pair.Value.Hash).ToList();
        var failures = new string?[toMake.Count];
        using var oneWriter = new SemaphoreSlim(1, 1);
        await Parallel.ForAsync(0, toMake.Count, PictureCheck.AFewAtOnce, async (index, _) =>
        {
            var (name, picture) = toMake[index];
            failures[index] = await MakeOneAsync(folder, name, picture, oneWriter, write);
        });

        return toMake.Zip(failures).Where(pair => pair.Second is not null)
            .ToDictionary(pair => pair.First.Key, pair => pair.Second!, StringComparer.Ordinal);
    }

    private static async Task<string?> MakeOneAsync(
        PictureFolder folder, string name, CheckedPicture picture, SemaphoreSlim oneWriter, Func<CheckedPicture, IReadOnlyList<(string Name, byte[] Bytes)>, Task> write)
    {
        if (folder.ReadChecked(name, picture) is not { } bytes)
        {
            return "The file changed while it was read. Save it again; the next import reads it anew.";
        }

        IReadOnlyList<(string Name, byte[] Bytes)> renditions;
        try
        {
            renditions = PictureCodec.Render(bytes);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return $"Its renditions could not be made ({exception.GetType().Name}: {exception.Message}). "
                + "This looks like a bug in the site, not in your picture: tell the developers which picture it was.";
        }

        await oneWriter.WaitAsync();
        try
        {
            await write(picture, renditions);
            return null;
        }
        finally
        {
            oneWriter.Release();
        }
    }
}
