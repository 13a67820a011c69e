namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// Whether the edits so far have likely left an article refused, by the marks <see cref="EditorEdits"/>' mistakes leave
/// in the text: an unknown fact, a broken title, a required fact missing, a draft or a date in the future (refused when
/// others link in), or kinds.yml changed. The generator leaves out, by this, the edit patterns that still make a running
/// store and a new one differ while an article is refused (see <see cref="EditorEdits"/>).
/// </summary>
public static class LikelyRefused
{
    public static bool Any(EditedContent content) => KindsChanged(content) || content.ArticleFiles.Any(file => Article(content.Read(file)));

    public static bool KindsChanged(EditedContent content) => content.ReadKinds() != File.ReadAllText(Path.Combine(FrozenContent.Path, "kinds.yml"));

    public static bool Article(string text) =>
        text.Contains("- **Colour:**", StringComparison.Ordinal)
        || text.Contains("\ntitle: [unclosed ", StringComparison.Ordinal)
        || text.Contains("\ndraft: true\n", StringComparison.Ordinal)
        || text.Contains("published: 2030", StringComparison.Ordinal)
        || (EditedContent.KindOf(text) is { } kind && EditorEdits.RequiredFacts(kind) is { } required
            && EditedContent.Headings(text).Any(heading => EditedContent.Section(text, heading) is { } section
                && required.Any(key => EditedContent.FactLine(text[section.Start..section.End], key) is null)));
}
