using System.Collections.Concurrent;
using System.Diagnostics;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Impala.Discovery.Web.Features.Pictures;

/// <summary>
/// The renditions of editors' pictures, made when first asked for and kept as files beside the store, in
/// "renditions/{hash}/{name}". The import only checks pictures and records where they are (<see cref="PictureSource"/>),
/// so a new instance serves its pages at once; each rendition then costs one encoding, on its first request, and
/// none after: the folder outlives the store (derived data, which may be deleted), and a kept file is never stale
/// because its address holds the picture's hash. However many ask for a rendition at once, it is made once; and only
/// a few are made at a time, so a page of new pictures cannot take every core from the pages. After each import, the
/// renditions of pictures that no page shows and no file names any more are deleted, so the folder holds no more
/// than the content can ask for.
/// </summary>
public sealed class RenditionCache(string folder, ContentFolder content, IDbContextFactory<DiscoveryDbContext> dbFactory, ILogger<RenditionCache> logger)
    : IDisposable
{
    public const string FolderName = "renditions";

    private readonly ConcurrentDictionary<string, Lazy<Task<Rendition?>>> _making = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _aFewAtOnce = new(PictureCheck.AFewAtOnce.MaxDegreeOfParallelism);
    private readonly PictureFolder _pictures = new(content.Root);

    // While the folder cannot be written (a full disk, a read-only data folder), what was made is kept here instead, in
    // a bounded memory: otherwise every request would make its rendition again, and renditions are not rate limited.
    // An entry expires so that a folder writable again gets the file.
    private readonly MemoryCache _unkept = new(new MemoryCacheOptions { SizeLimit = UnkeptBytes });
    private const long UnkeptBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan RetryKeeping = TimeSpan.FromMinutes(5);

    // The folder's refusal is logged when it starts, not at every rendition, and said by health until a file is kept again.
    private int _keepFailing;
    private volatile KeepFailure? _keepFailure;

    /// <summary>Since when, and why, renditions cannot be kept in their folder; null while they can.</summary>
    public KeepFailure? KeepFailing => _keepFailure;

    /// <summary>The folder renditions are kept in.</summary>
    public string Folder => folder;

    /// <summary>The cache beside the store's file (a store in memory gets one in the temp folder), pruned after each import.</summary>
    public static RenditionCache Create(IServiceProvider services)
    {
        var cache = new RenditionCache(
            DataProtectionKeys.FolderBesideTheStore(services, FolderName) ?? Path.Combine(Path.GetTempPath(), "impala-discovery-" + FolderName),
            services.GetRequiredService<ContentFolder>(),
            services.GetRequiredService<IDbContextFactory<DiscoveryDbContext>>(),
            services.GetRequiredService<ILogger<RenditionCache>>());
        services.GetRequiredService<ContentImporter>().Imported += cache.PruneAsync;
        return cache;
    }

    /// <summary>
    /// The rendition <paramref name="name"/> (one of <see cref="PictureSizes.NamesFor"/> the picture's width) of a
    /// picture, from the cache or made now; null when its file no longer holds the picture's bytes (the content changed:
    /// the next import gives the new picture its own address).
    /// </summary>
    public async Task<Rendition?> GetAsync(PictureSource source, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, source.Hash, name);
        if (IsKept(path))
        {
            return new Rendition(path, null);
        }

        var key = source.Hash + "/" + name;
        if (_unkept.TryGetValue(key, out byte[]? made) && made is not null)
        {
            return new Rendition(null, made);
        }

        var making = _making.GetOrAdd(key, _ => new Lazy<Task<Rendition?>>(() => MakeAsync(source, name, path, key)));
        // A client that leaves stops waiting, not the work: the next request would only start it again.
        return await making.Value.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _aFewAtOnce.Dispose();
        _unkept.Dispose();
    }

    /// <summary>Deletes the renditions of every picture the store no longer knows, and what a write cut short left.</summary>
    public async Task PruneAsync(ImportReport report, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var known = (await ContentStore.ReadRenditionHashesAsync(db, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var gone = Directory.EnumerateDirectories(folder).Where(directory => !known.Contains(Path.GetFileName(directory)))
            // A rendition being written now is a few hundred milliseconds old at most.
            .Concat(Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories).Where(file => File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddMinutes(-10)))
            .ToList();
        foreach (var path in gone)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
                else
                {
                    File.Delete(path);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("The unused renditions {Path} could not be deleted ({Problem}); the next import tries again", path, exception.Message);
            }
        }
    }

    private async Task<Rendition?> MakeAsync(PictureSource source, string name, string path, string key)
    {
        try
        {
            await _aFewAtOnce.WaitAsync();
            try
            {
                return await Task.Run(() => Make(source, name, path, key));
            }
            finally
            {
                _aFewAtOnce.Release();
            }
        }
        finally
        {
            // Made (or failed): the next request finds the file, or tries again.
            _making.TryRemove(key, out _);
        }
    }

    private Rendition? Make(PictureSource source, string name, string path, string key)
    {
        if (IsKept(path))
        {
            return new Rendition(path, null);
        }

        if (ReadChecked(source) is not { } original)
        {
            logger.LogInformation("The rendition {Hash}/{Name} was asked for, but {File} no longer holds that picture; the next import gives it its new address",
                source.Hash, name, source.File);
            return null;
        }

        var stopwatch = Stopwatch.StartNew();
        byte[] bytes;
        try
        {
            bytes = PictureCodec.Render(original, name);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The import checked this picture: failing to draw it is a bug of ours, not the editor's.
            logger.LogError(exception, "The rendition {Hash}/{Name} of {File} could not be made", source.Hash, name, source.File);
            return null;
        }

        logger.LogInformation("Made the rendition {Hash}/{Name} of {File} in {Milliseconds} ms",
            source.Hash, name, source.File, stopwatch.ElapsedMilliseconds);
        return Keep(path, key, bytes);
    }

    // The file may have changed into anything since the import checked it: a link that leads round in a loop makes the
    // system refuse to follow it, which is the picture no longer there (the next import says why), not a server error.
    // A picture the file no longer holds (replaced, deleted) that a page still shows, a refused article's last good
    // version, is read from the history by the name git gives its bytes: its renditions not made yet answered 404, a
    // broken picture on a page served 200 (found by replays 8 and 9). One never committed is gone.
    private byte[]? ReadChecked(PictureSource source)
    {
        try
        {
            if (_pictures.ReadChecked(source.File, new CheckedPicture(source.Hash, source.Width, source.Height)) is { } bytes)
            {
                return bytes;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Read from the history below, if it holds them.
        }

        using var output = new MemoryStream();
        return source.GitBlob is { } blob && GitCommand.RunToStream(content.Root, output, "cat-file", "blob", blob)
            && output.ToArray() is var fromHistory && PictureCodec.HashOf(fromHistory) == source.Hash ? fromHistory : null;
    }

    // An empty file is no rendition: a power cut can leave one (the rename reached the disk, the bytes did not), and its
    // address is cached for a year, so it is made again (and replaced) rather than served.
    private static bool IsKept(string path) => new FileInfo(path) is { Exists: true, Length: > 0 };

    // Written under another name, on the disk, then renamed: a reader never finds half a file, a power cut does not
    // leave an empty one under the rendition's name, and two instances sharing the folder write the same bytes.
    private Rendition Keep(string path, string key, byte[] bytes)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            if (Interlocked.Exchange(ref _keepFailing, 0) == 1)
            {
                _keepFailure = null;
                logger.LogInformation("Renditions are kept in {Folder} again", folder);
            }

            return new Rendition(path, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var first = Interlocked.Exchange(ref _keepFailing, 1) == 0;
            if (first || _keepFailure is null)
            {
                _keepFailure = new KeepFailure(DateTimeOffset.UtcNow, exception.Message);
            }

            logger.Log(first ? LogLevel.Warning : LogLevel.Debug,
                "The rendition {Path} could not be kept ({Problem}); renditions are kept in memory ({Megabytes} MB at most) until the folder takes them again",
                path, exception.Message, UnkeptBytes / (1024 * 1024));
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The folder refuses writes altogether: there is nothing left to tidy.
            }

            _unkept.Set(key, bytes, new MemoryCacheEntryOptions { Size = bytes.Length, AbsoluteExpirationRelativeToNow = RetryKeeping });
            return new Rendition(null, bytes);
        }
    }
}
