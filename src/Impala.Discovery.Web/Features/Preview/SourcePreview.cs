using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Preview;

/// <summary>
/// The editors' preview of an article's source, saved or not: the content folder is evaluated by the import's own
/// <see cref="ContentEvaluator"/> as if the draft were saved in it, weighed against what the store serves, so the
/// preview shows exactly the errors and warnings the import would give, and renders what the parser made of it.
/// Nothing is written. One preview runs at a time: the parser it shares keeps the other files' results between
/// previews, so each preview parses only the draft.
/// </summary>
public sealed class SourcePreview(ContentFolder content, IDbContextFactory<DiscoveryDbContext> dbFactory, TimeProvider clock, ILogger<SourcePreview> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly IsolatedArticleParser _parser = new(logger, clock: clock);

    public string ContentRoot => content.Root;

    public void Dispose() => _oneAtATime.Dispose();

    public async Task<PreviewOutcome> EvaluateAsync(ContentFile draft, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var previous = new PreviousContent(
                await ContentStore.ReadArticlesAsync(db, cancellationToken), await ContentStore.ReadFormerAddressesAsync(db, cancellationToken), null, null);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var evaluation = await new ContentEvaluator(new ContentFolder(content.Root, draft), _parser).EvaluateAsync(previous, today, cancellationToken);

            // kinds.yml's errors concern every article; other files' errors are theirs.
            var lines = draft.Text.Split('\n');
            var problems = evaluation.Errors.Select(error => (Severity: "error", Problem: error))
                .Concat(evaluation.Warnings.Select(warning => (Severity: "warning", Problem: warning)))
                .Where(found => found.Problem.File == draft.Path || found.Problem.File == ContentFolder.KindsFileName)
                .Select(found => new PreviewProblem(found.Severity, found.Problem.File, found.Problem.Line, found.Problem.Column, found.Problem.Message,
                    found.Problem.File == draft.Path && found.Problem.Line <= lines.Length ? lines[found.Problem.Line - 1].TrimEnd('\r') : ""))
                .OrderBy(problem => problem.Line)
                .ToList();

            // The shared parser keeps a published article without its HTML: the draft is rendered from a parse of its own.
            ParsedArticle? article = null;
            KindDefinition? kind = null;
            if (evaluation.Kinds is { } kinds)
            {
                var parsed = (await new IsolatedArticleParser(logger, clock: clock)
                    .ParseAllAsync([draft], kinds, new Dictionary<string, StoredArticle>(), cancellationToken))[0];
                article = parsed.Article ?? parsed.Partial;
                kind = article is null ? null : kinds.Catalog.Find(article.Kind);
            }

            // A picture shows only if the import made its renditions (it does for every picture a saved article names).
            var made = (await ContentStore.ReadRenditionHashesAsync(db, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var shown = evaluation.Pictures.Where(pair => made.Contains(pair.Value.Hash)).ToDictionary(StringComparer.Ordinal);
            foreach (var reference in article?.Pictures ?? [])
            {
                if (evaluation.Pictures.ContainsKey(reference.File) && !shown.ContainsKey(reference.File))
                {
                    problems.Add(new PreviewProblem("note", draft.Path, reference.Line, reference.Column,
                        $"The picture '{reference.File}' is new to the site: it shows in the preview once an article that names it is saved and imported.",
                        reference.Line <= lines.Length ? lines[reference.Line - 1].TrimEnd('\r') : ""));
                }
            }

            var state = evaluation.Files.FirstOrDefault(file => file.File == draft.Path)?.State;
            return new PreviewOutcome(draft, article, kind, state, problems, shown);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
