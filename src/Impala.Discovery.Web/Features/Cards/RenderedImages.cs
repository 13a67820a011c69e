using System.Collections.Concurrent;
using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// Cards, badges and sleeves are drawn once and kept until the next import changes what they were drawn from.
/// </summary>
/// <remarks>
/// Bounded without a size limit: a picture is kept only after its page was found in the store (an unknown path is a
/// 404 before anything is drawn), and its key is made from that page's own path and one of a fixed few formats, so
/// a stranger's made-up paths or query strings cannot add entries; at most a few pictures per page of the site.
/// </remarks>
public sealed class RenderedImages
{
    private readonly ConcurrentDictionary<string, byte[]> _images = new(StringComparer.Ordinal);
    private long _generation;

    public RenderedImages(ContentImporter importer) =>
        importer.Imported += (_, _) =>
        {
            lock (_images)
            {
                _generation++;
                _images.Clear();
            }

            return Task.CompletedTask;
        };

    /// <summary>The picture under the key, drawn by <paramref name="render"/> the first time it is asked for.</summary>
    public async Task<byte[]?> GetOrRenderAsync(string key, Func<Task<byte[]?>> render)
    {
        if (_images.TryGetValue(key, out var cached))
        {
            return cached;
        }

        long generation;
        lock (_images)
        {
            generation = _generation;
        }

        var image = await render();
        lock (_images)
        {
            // Drawn from content an import has since replaced: serve it this once, but do not keep it.
            if (image is not null && generation == _generation)
            {
                _images.TryAdd(key, image);
            }
        }

        return image;
    }
}
