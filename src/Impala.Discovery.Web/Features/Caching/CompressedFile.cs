using Microsoft.Extensions.FileProviders;

namespace Impala.Discovery.Web.Features.Caching;

/// <summary>A wwwroot file's compressed bytes, held in memory, with the original's name and time.</summary>
public sealed class CompressedFile(IFileInfo original, byte[] bytes) : IFileInfo
{
    public IFileInfo Original => original;

    public bool Exists => true;

    public long Length => bytes.Length;

    // No path on disk: the static file middleware then copies these bytes instead of sending the original file.
    public string? PhysicalPath => null;

    public string Name => original.Name;

    public DateTimeOffset LastModified => original.LastModified;

    public bool IsDirectory => false;

    public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
}
