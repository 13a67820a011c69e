using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Impala.Discovery.Web.Features.Caching;

/// <summary>
/// Holds a response's body until it is complete, then sends it with its Content-Length. A page rendered for the first
/// time went out chunked (the compression between the page cache and the renderer cannot know the length), and nginx's
/// microcache keeps an answer as it came: it then sent that page chunked on every hit, up to a third slower than with
/// its length (tests/Benchmarks/nginx-stack.sh). A body whose length is already set (the page cache's own copies,
/// files) goes straight through, and so does one that grows past <see cref="Limit"/>, chunked as before, rather than
/// sit in memory.
/// </summary>
public sealed class WholeResponseStream(HttpResponse response, IHttpResponseBodyFeature inner) : Stream, IHttpResponseBodyFeature
{
    // Pages are tens of kilobytes compressed; the largest answers (a sitemap of 10,000 entries) stay under this.
    private const int Limit = 1024 * 1024;

    // Null once the body goes straight through.
    private MemoryStream? _held = new();
    private PipeWriter? _writer;

    Stream IHttpResponseBodyFeature.Stream => this;

    public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Sends what is held, with its length when nothing has been sent yet. Called once the response is complete.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync(cancellationToken);
        }

        if (_held is not { } held)
        {
            return;
        }

        _held = null;
        if (held.Length == 0)
        {
            // An empty body is left as it is: the status code pages give an empty error its page only while it has no length.
            return;
        }

        if (!response.HasStarted && response.ContentLength is null)
        {
            response.ContentLength = held.Length;
        }

        await inner.Stream.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), cancellationToken);
    }

    public void DisableBuffering()
    {
        // Whoever asks for this wants each write to leave at once.
        if (_held is { Length: 0 })
        {
            _held = null;
        }

        inner.DisableBuffering();
    }

    // The headers leave with the body, once it is complete; a caller that only wanted them sent loses nothing by that.
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        _held is null ? inner.StartAsync(cancellationToken) : Task.CompletedTask;

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await LetThroughAsync(cancellationToken);
        await inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    public async Task CompleteAsync()
    {
        await FinishAsync(default);
        await inner.CompleteAsync();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_held is { } held && (response.ContentLength is not null || held.Length + buffer.Length > Limit))
        {
            await LetThroughAsync(cancellationToken);
        }

        if (_held is { } stillHeld)
        {
            stillHeld.Write(buffer.Span);
        }
        else
        {
            await inner.Stream.WriteAsync(buffer, cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_held is { } held)
        {
            if (response.ContentLength is null && held.Length + count <= Limit)
            {
                held.Write(buffer, offset, count);
                return;
            }

            _held = null;
            inner.Stream.Write(held.GetBuffer(), 0, (int)held.Length);
        }

        inner.Stream.Write(buffer, offset, count);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _held is null ? inner.Stream.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override void Flush()
    {
        if (_held is null)
        {
            inner.Stream.Flush();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>From now on every write goes straight out, after what was held.</summary>
    private async Task LetThroughAsync(CancellationToken cancellationToken)
    {
        if (_held is not { } held)
        {
            return;
        }

        _held = null;
        if (held.Length > 0)
        {
            await inner.Stream.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), cancellationToken);
        }
    }
}
