using System.Diagnostics;
using System.Net;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features;

/// <summary>How the site starts: at once, on a store still being filled, and never on a configuration mistake.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Request_BeforeTheFirstImportOfAFreshStoreEnds_AnswersStartingUpWithRetryAfter()
    {
        await using var factory = new DiscoveryFactory(importContent: false);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/labels", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("The site is starting", page.QuerySelector("h1")?.TextContent);
        // Browsers ignore Retry-After: the page reloads itself after the same delay, so the newcomer need not.
        Assert.Equal("5", page.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));

        // Its stylesheet needs no store: the newcomer sees a styled page, not a bare one.
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var css = await client.GetAsync(stylesheet, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DataProtectionKeys_AreKeptBesideTheStore_AndOutliveARestart()
    {
        var database = TempFolder.Create("db");
        string protectedText;
        await using (var first = new DiscoveryFactory(databaseFolder: database, importContent: false))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("kept");
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(database, DataProtectionKeys.FolderName), "key-*.xml"));
        await using var second = new DiscoveryFactory(databaseFolder: database, importContent: false);
        // A token issued before the restart is still read after it: the key came from the folder, not from memory.
        Assert.Equal("kept", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    [Fact]
    public async Task Request_AfterTheFirstImport_IsServedFromTheStore()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/labels", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Discovery__SiteUrl", "discovery.example.org", "Discovery:SiteUrl must be an absolute http:// or https:// address")]
    [InlineData("Discovery__ContentPath", "/no/such/content/folder", "the content folder '/no/such/content/folder' does not exist")]
    [InlineData("Discovery__PageMaxAgeSeconds", "-5", "Discovery:PageMaxAgeSeconds must be between 0 and 31536000")]
    [InlineData("ConnectionStrings__Discovery", "Data Source=/proc/no-such-folder/discovery.db", "the store /proc/no-such-folder/discovery.db cannot be created or opened")]
    public async Task Start_WithAConfigurationMistake_ExitsWithOneClearLineAndNoStackTrace(string variable, string value, string expected)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Impala.Discovery.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Discovery"] = $"Data Source={Path.Combine(TempFolder.Create("db"), "discovery.db")}";
        start.Environment[variable] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var printed = await output + await errors;

        Assert.Equal(1, process.ExitCode);
        Assert.Contains(expected, printed);
        Assert.Contains("The site cannot start", printed);
        Assert.DoesNotContain("   at ", printed);
        // Not EF's own error lines (the failed command and its SQL) before it (found replaying issue 21 on a full disk).
        Assert.DoesNotContain(" ERR] ", printed);
    }
}
