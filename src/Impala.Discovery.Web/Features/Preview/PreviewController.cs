using System.Text;
using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.ContentStatus;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace Impala.Discovery.Web.Features.Preview;

/// <summary>
/// Editors' previews, rendered by the site's own templates with the checker's problems above: of a saved article that
/// is not public yet (or whose latest version was refused), and of any source an editor posts (the browser editor's
/// preview pane). Behind <see cref="EditorsGate"/>; anyone else gets the ordinary 404.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize(Policy = EditorsGate.Policy)]
[OutputCache(NoStore = true)]
[EnableRateLimiting(PreviewRegistration.RateLimitPolicy)]
public sealed partial class PreviewController(SourcePreview preview, ContentImporter importer) : Controller
{
    public const string FileHeader = "X-Preview-File";

    public const string SourceRoute = "/preview";

    /// <summary>A saved article file that is a draft, scheduled, or refused (its working version differs from what is online).</summary>
    [HttpGetOrHead(SitePaths.PreviewRoute)]
    public async Task<IActionResult> Saved(string slug, CancellationToken cancellationToken)
    {
        if (importer.LastReport?.Files.FirstOrDefault(file => file.Slug == slug && file.State != FileState.Published) is not { } saved)
        {
            return NotFound();
        }

        var read = ContentFileReader.Read(Path.Combine(preview.ContentRoot, saved.File), saved.File, preview.ContentRoot);
        return read.Succeeded ? await PreviewAsync(read.Value!, cancellationToken) : NotFound();
    }

    /// <summary>
    /// The article source in the request body (UTF-8 Markdown, at most <see cref="ContentFileReader.MaxBytes"/>), named by
    /// the header X-Preview-File (its file name in articles/; a name of this month's otherwise). Nothing is stored.
    /// </summary>
    [HttpPost(SourceRoute)]
    public async Task<IActionResult> Source(CancellationToken cancellationToken)
    {
        var name = Request.Headers[FileHeader].ToString();
        if (name.Length == 0)
        {
            name = $"{importer.LastReport?.FinishedAt ?? DateTimeOffset.UtcNow:yyyy-MM}-preview.md";
        }

        if (!FileName().IsMatch(name))
        {
            return BadRequest($"{FileHeader} must be a file name such as 2026-12-record-shops.md, without folders.");
        }

        // A form (field "source") or the bare text, as a script sends it.
        byte[]? bytes;
        if (Request.HasFormContentType)
        {
            if (await ReadSourceFieldAsync(cancellationToken) is not { } field)
            {
                // Bare Markdown labelled as a form (curl --data-binary does so) is no form: say how to send it.
                return BadRequest("Send the article as the request body with Content-Type: text/markdown, or as a form with the field \"source\".");
            }

            bytes = Encoding.UTF8.GetByteCount(field) <= ContentFileReader.MaxBytes ? Encoding.UTF8.GetBytes(field) : null;
        }
        else
        {
            bytes = await ReadBodyAsync(ContentFileReader.MaxBytes, cancellationToken);
        }

        if (bytes is null)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge, $"An article may have at most {ContentFileReader.MaxBytes:N0} bytes.");
        }

        // The same checks as a file on disk: valid UTF-8, no control characters.
        var draft = ContentFileReader.Decode($"{ContentFolder.ArticlesFolderName}/{name}", bytes);
        return draft.Succeeded
            ? await PreviewAsync(draft.Value!, cancellationToken)
            : View("Preview", new PreviewViewModel(new PageMeta("Preview", "", null), $"{ContentFolder.ArticlesFolderName}/{name}",
                draft.Errors.Select(error => new PreviewProblem("error", error.File, error.Line, error.Column, error.Message, "")).ToList(), null));
    }

    private async Task<IActionResult> PreviewAsync(ContentFile draft, CancellationToken cancellationToken)
    {
        var outcome = await preview.EvaluateAsync(draft, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return View("Preview", PreviewPage.From(outcome));
    }

    // The form's field "source"; null when the body cannot be read as a form or has no such field.
    private async Task<string?> ReadSourceFieldAsync(CancellationToken cancellationToken)
    {
        try
        {
            var form = await Request.ReadFormAsync(cancellationToken);
            return form.TryGetValue("source", out var field) ? field.ToString() : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    // Read up to the limit whatever the request claims its length is; null when the body is longer.
    private async Task<byte[]?> ReadBodyAsync(int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
