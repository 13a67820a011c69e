using System.Diagnostics;
using System.Net;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// Once the site has started and imported its content, asks it over loopback for one page of each template: the home
/// page, the lists, an article, each kind's index and one of its entries, a country, an artist, a search.
/// The first request of a template compiles its queries and views (350 ms for an entry page at 10,000 entries, 40 ms
/// after), which would otherwise fall on the first visitor, or on the editor whose first save after a restart waits
/// for its page to show. The pages go through the whole pipeline, so they are cached as a visitor's would be.
/// </summary>
public sealed class PageWarmUp(
    IServer server,
    IHostApplicationLifetime lifetime,
    ContentImporter importer,
    IDbContextFactory<DiscoveryDbContext> dbFactory,
    ILogger<PageWarmUp> logger) : BackgroundService
{
    private readonly TaskCompletionSource<IReadOnlyList<(string Path, HttpStatusCode Status)>> _warmed =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Each page asked for and its answer, once the warm-up is over (none when the site listens on no TCP port).</summary>
    public Task<IReadOnlyList<(string Path, HttpStatusCode Status)>> Warmed => _warmed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenImportedAndStartedAsync(stoppingToken);
            _warmed.TrySetResult(await WarmAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _warmed.TrySetCanceled(stoppingToken);
        }
        catch (HttpRequestException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The site stopped listening before the warm-up ended: nothing to warm any more.
            _warmed.TrySetResult([]);
        }
        catch (Exception exception)
        {
            // Only the first visitor's wait is at stake.
            logger.LogWarning(exception, "Warming the pages up after the start failed; the first request of each page will take longer");
            _warmed.TrySetResult([]);
        }
    }

    private async Task WhenImportedAndStartedAsync(CancellationToken stoppingToken)
    {
        var imported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task OnImported(ImportReport report, CancellationToken cancellationToken)
        {
            imported.TrySetResult();
            return Task.CompletedTask;
        }

        importer.Imported += OnImported;
        try
        {
            // The first import may have ended before this service started.
            if (importer.LastReport is null)
            {
                await imported.Task.WaitAsync(stoppingToken);
            }
        }
        finally
        {
            importer.Imported -= OnImported;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
    }

    private async Task<IReadOnlyList<(string Path, HttpStatusCode Status)>> WarmAsync(CancellationToken stoppingToken)
    {
        if (LoopbackAddress() is not { } address)
        {
            return [];
        }

        var stopwatch = Stopwatch.StartNew();
        var answers = new List<(string Path, HttpStatusCode Status)>();
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var slowest = (Path: "", Milliseconds: 0L);
        foreach (var path in await PagesAsync(stoppingToken))
        {
            var started = stopwatch.ElapsedMilliseconds;
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, stoppingToken);
            answers.Add((path, response.StatusCode));
            slowest = stopwatch.ElapsedMilliseconds - started > slowest.Milliseconds ? (path, stopwatch.ElapsedMilliseconds - started) : slowest;
        }

        logger.LogInformation("Warmed up {Pages} pages after the start in {Milliseconds} ms, the slowest {Slowest} in {SlowestMilliseconds} ms ({NotOk} answered other than 200)",
            answers.Count, stopwatch.ElapsedMilliseconds, slowest.Path, slowest.Milliseconds, answers.Count(answer => answer.Status != HttpStatusCode.OK));
        return answers;
    }

    /// <summary>
    /// One address of every page template that the store holds something for, entries first: an editor's first save
    /// after a restart waits for an entry or an article to show. The sitemap and the feed, which only crawlers and feed
    /// readers ask for, and whose first making at 10,000 entries would hold the one core a while, are left out.
    /// </summary>
    private async Task<List<string>> PagesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kinds = await db.Kinds.OrderBy(kind => kind.Position)
            .Select(kind => new { kind.Key, Entry = kind.Entries.OrderBy(entry => entry.Id).Select(entry => entry.Slug).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var pages = kinds.Where(kind => kind.Entry is not null).Select(kind => SitePaths.Entry(kind.Key, kind.Entry!)).ToList();
        if (await db.Articles.OrderBy(article => article.Id).Select(article => article.Slug).FirstOrDefaultAsync(cancellationToken) is { } article)
        {
            pages.Add(SitePaths.Article(article));
        }

        pages.AddRange(kinds.Where(kind => kind.Entry is not null).Select(kind => SitePaths.Kind(kind.Key)));
        pages.AddRange([SitePaths.Home, SitePaths.Series, SitePaths.Countries, SitePaths.Artists, SitePaths.About]);
        if (await db.EntryCountries.OrderBy(country => country.EntryId).Select(country => country.CountrySlug).FirstOrDefaultAsync(cancellationToken) is { } country)
        {
            pages.Add(SitePaths.Country(country));
        }

        if (await db.EntryArtists.OrderBy(artist => artist.EntryId).Select(artist => artist.ArtistSlug).FirstOrDefaultAsync(cancellationToken) is { } artist)
        {
            pages.Add(SitePaths.Artist(artist));
            pages.Add(SitePaths.SearchFor(artist));
        }

        return pages;
    }

    /// <summary>The site's own plain-HTTP address on loopback; null when it listens on none (a Unix socket, a test server).</summary>
    private Uri? LoopbackAddress()
    {
        foreach (var listened in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            // "http://127.0.0.1:5000", "http://[::]:80", "http://+:80", "http://localhost:5000": the port is what counts,
            // and IPv4's loopback answers on all of them but one bound to IPv6's alone.
            var separator = listened.LastIndexOf(':');
            if (listened.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(listened.AsSpan(separator + 1).TrimEnd('/'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port))
            {
                var host = listened.StartsWith("http://[::1]:", StringComparison.Ordinal) ? "[::1]" : "127.0.0.1";
                return new Uri($"http://{host}:{port}/");
            }
        }

        return null;
    }
}
