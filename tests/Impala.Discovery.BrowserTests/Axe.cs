using System.Text.Json;
using Microsoft.Playwright;

namespace Impala.Discovery.BrowserTests;

/// <summary>axe-core, injected into the page under test and run against the WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices.</summary>
public static class Axe
{
    private const string RunScript = """
        async rules => {
            const results = await axe.run(document, {
                runOnly: rules.length > 0 ? { type: 'rule', values: rules } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
            });
            return JSON.stringify(results.violations.map(violation => ({
                id: violation.id,
                impact: violation.impact,
                help: violation.help,
                nodes: violation.nodes.map(node => ({ target: node.target.join(' '), summary: node.failureSummary ?? '' })),
            })));
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The page needs a context with BypassCSP: the site's Content-Security-Policy rightly refuses injected scripts.
    /// Given <paramref name="rules"/> (best-practice ones such as landmark-unique), only those run.
    /// </summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page, params string[] rules)
    {
        RequiredTools.RequireAxe();
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = RepositoryFolders.AxeScript });
        }

        var json = await page.EvaluateAsync<string>(RunScript, rules);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, Json) ?? [];
    }

    public static string Describe(IReadOnlyList<AxeViolation> violations) => string.Join("\n", violations);
}
