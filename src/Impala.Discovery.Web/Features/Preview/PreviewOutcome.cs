using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Pictures;

namespace Impala.Discovery.Web.Features.Preview;

/// <summary>
/// What the evaluation of the content folder with a draft in it says about the draft: what could be read of the article
/// (null when not even its front matter could be), its kind, its state had it been saved, and every problem on it.
/// <c>Pictures</c>: the pictures the site can show (checked, with renditions in the store), by file name.
/// </summary>
public sealed record PreviewOutcome(
    ContentFile Draft,
    ParsedArticle? Article,
    KindDefinition? Kind,
    FileState? State,
    IReadOnlyList<PreviewProblem> Problems,
    IReadOnlyDictionary<string, CheckedPicture> Pictures)
{
    public int Errors => Problems.Count(problem => problem.Severity == "error");
}
