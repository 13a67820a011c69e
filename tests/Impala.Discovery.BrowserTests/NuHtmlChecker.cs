using System.Diagnostics;
using System.Text.Json;

namespace Impala.Discovery.BrowserTests;

/// <summary>The W3C Nu HTML Checker (vnu.jar from npm), run once over many files: one JVM start for the whole run.</summary>
public static class NuHtmlChecker
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Checks each file and returns the messages by file path.</summary>
    public static async Task<ILookup<string, NuMessage>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        RequiredTools.RequireNuHtmlChecker();
        var start = new ProcessStartInfo(RequiredTools.JavaPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-jar", RepositoryFolders.NuHtmlCheckerJar, "--format", "json", "--stdout" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        // vnu exits 1 when it found errors; the JSON says which, so the exit code alone means nothing here.
        var json = await output;
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InvalidOperationException($"vnu.jar printed nothing (exit code {process.ExitCode}): {await errors}");
        }

        var report = JsonSerializer.Deserialize<NuReport>(json, Json) ?? throw new InvalidOperationException("vnu.jar printed no report.");
        return report.Messages.ToLookup(message => LocalPath(message.Url));
    }

    /// <summary>vnu names files as "file:/tmp/a.html" (one slash), which <see cref="Uri"/> does not parse.</summary>
    private static string LocalPath(string? url) =>
        url is null || !url.StartsWith("file:", StringComparison.Ordinal) ? "" : "/" + Uri.UnescapeDataString(url["file:".Length..]).TrimStart('/');
}
