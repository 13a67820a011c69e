using System.Security.Cryptography;
using System.Text;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Caching;

/// <summary>
/// What every page's validators are made of: the version of the served content (the store's content hash, the
/// release of the app, and the refused-file count the Development banner shows) and when it last changed. Read
/// from the store once, then again after each import (see <see cref="Shared.PageCacheEviction"/>).
/// </summary>
public sealed class ContentValidators(IDbContextFactory<DiscoveryDbContext> dbFactory, ContentImporter importer, IWebHostEnvironment environment) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Lazy<(string Version, DateTimeOffset BuiltAt)> _release = new(() => ReleaseOf(environment));
    private volatile Validators? _current;

    /// <summary>The validators of the content served now; null version only while the store has never been imported.</summary>
    public async ValueTask<Validators> CurrentAsync(CancellationToken cancellationToken) =>
        _current ?? await RefreshAsync(onlyWhenUnknown: true, cancellationToken);

    /// <summary>The version as the page cache keys pages by it; empty until the first request or import has read it.</summary>
    public string VersionOrEmpty => _current?.Version ?? "";

    /// <summary>Called after an import has committed, so that a version is never newer than what pages render.</summary>
    public Task<Validators> RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(onlyWhenUnknown: false, cancellationToken);

    private async Task<Validators> RefreshAsync(bool onlyWhenUnknown, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (onlyWhenUnknown && _current is { } known)
            {
                return known;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var info = await ContentStore.ReadInfoAsync(db, cancellationToken);
            var release = _release.Value;
            var refused = importer.LastReport?.RefusedFiles ?? 0;
            // Which build wrote the rows too: the same content as another build wrote it (a deploy or rollback, before
            // this build's first import has written every article again) is another page, which must not be revalidated
            // (304) as the one this build makes once it has.
            var version = Hash($"{info?.ContentVersion}\n{release.Version}\n{refused}\n{info?.WrittenBy}");
            var changedAt = info?.ContentChangedAt is { } content && content > release.BuiltAt ? content : release.BuiltAt;
            // HTTP dates have whole seconds: If-Modified-Since compares against this exact value.
            var lastModified = DateTimeOffset.FromUnixTimeSeconds(changedAt.ToUnixTimeSeconds());
            _current = new Validators(version, lastModified);
            return _current;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();

    /// <summary>
    /// The app itself is part of what a page is: a release that changes a template or site.css changes the HTML with
    /// the same content. Its build (the assembly's MVID, the same for the same build) and its static files name it;
    /// its files' times say when it changed. Instances sharing one published folder agree on both.
    /// </summary>
    private static (string Version, DateTimeOffset BuiltAt) ReleaseOf(IWebHostEnvironment environment)
    {
        var assembly = typeof(ContentValidators).Assembly;
        var text = new StringBuilder(assembly.ManifestModule.ModuleVersionId.ToString());
        var builtAt = File.GetLastWriteTimeUtc(assembly.Location);
        if (Directory.Exists(environment.WebRootPath))
        {
            foreach (var file in Directory.EnumerateFiles(environment.WebRootPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                text.Append('\n').Append(Path.GetRelativePath(environment.WebRootPath, file)).Append(' ')
                    .Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))));
                var written = File.GetLastWriteTimeUtc(file);
                builtAt = written > builtAt ? written : builtAt;
            }
        }

        return (Hash(text.ToString()), new DateTimeOffset(builtAt, TimeSpan.Zero));
    }
}
