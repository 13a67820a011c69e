using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Impala.Discovery.Web.Features.Caching;

/// <summary>
/// wwwroot as one encoding (br or gzip) sees it: each file of a compressible type, compressed the first time it is
/// asked for and kept until the file changes; other files are not here, so the plain static files answer them. The
/// static file middleware serves these like any file: its ETag (time and length) differs per encoding, its 304s and
/// ranges work on the bytes sent.
/// </summary>
public sealed class CompressedFiles(IFileProvider files, string encoding) : IFileProvider
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly ConcurrentDictionary<string, CompressedFile> _compressed = new(StringComparer.Ordinal);

    public IFileInfo GetFileInfo(string subpath)
    {
        if (!ContentTypes.TryGetContentType(subpath, out var contentType) || !ContentEncodings.IsCompressible(contentType))
        {
            return new NotFoundFileInfo(subpath);
        }

        var original = files.GetFileInfo(subpath);
        if (!original.Exists || original.IsDirectory)
        {
            return new NotFoundFileInfo(subpath);
        }

        if (_compressed.TryGetValue(subpath, out var kept) && kept.Original.LastModified == original.LastModified && kept.Original.Length == original.Length)
        {
            return kept;
        }

        var compressed = new CompressedFile(original, Compress(original));
        _compressed[subpath] = compressed;
        return compressed;
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private byte[] Compress(IFileInfo file)
    {
        using var output = new MemoryStream();
        // The smallest size costs about 5 s a megabyte: the editor's 5 MB script (wwwroot/admin) would keep its first
        // visitor waiting 25 s. Large files get the usual level (well under a second), a few percent larger.
        var level = file.Length > 1024 * 1024 ? CompressionLevel.Optimal : CompressionLevel.SmallestSize;
        using (var source = file.CreateReadStream())
        using (Stream compressor = encoding == "br"
            ? new BrotliStream(output, level, leaveOpen: true)
            : new GZipStream(output, level, leaveOpen: true))
        {
            source.CopyTo(compressor);
        }

        return output.ToArray();
    }
}
