using Impala.Discovery.Tests;

namespace Impala.Discovery.BrowserTests.Checks;

/// <summary>The HTML of every page template, as the server sends it, passes the W3C Nu HTML Checker without errors.</summary>
public sealed class HtmlValidationTests(SiteServer site)
{
    [Fact]
    public async Task EveryPageTemplate_IsValidHtml()
    {
        RequiredTools.RequireNuHtmlChecker();
        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = TempFolder.Create("html");
        var files = new Dictionary<string, string>();
        foreach (var path in PageTemplates.Paths)
        {
            using var response = await site.Http.GetAsync(path, cancellationToken);
            Assert.Equal(PageTemplates.ExpectedStatus(path), (int)response.StatusCode);
            var file = Path.Combine(folder, PageTemplates.FileName(path) + ".html");
            await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync(cancellationToken), cancellationToken);
            files[file] = path;
        }

        var messages = await NuHtmlChecker.CheckAsync([.. files.Keys], cancellationToken);

        var errors = files.SelectMany(file => messages[file.Key].Where(message => message.IsError)
                .Select(message => $"{file.Value} line {message.LastLine}:{message.LastColumn}: {message.Message}\n    {message.Extract?.ReplaceLineEndings(" ").Trim()}"))
            .Concat(messages[""].Select(message => $"(no file): {message.Type}: {message.Message}"))
            .ToList();
        Assert.True(errors.Count == 0, $"The Nu HTML Checker found {errors.Count} error(s):\n{string.Join("\n", errors)}");
    }
}
