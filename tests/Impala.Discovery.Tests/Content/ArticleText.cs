namespace Impala.Discovery.Tests.Content;

/// <summary>Small articles written inline, so that each parser test shows the text it is about.</summary>
public static class ArticleText
{
    public const string FileName = "articles/2021-04-test-labels.md";

    public const string FrontMatter = """
        ---
        title: Test labels
        kind: labels
        published: 2021-04-01
        summary: A small article for tests.
        ---
        """;

    public const string NinjaTune = """
        ## Ninja Tune

        - **Country:** United Kingdom
        - **City:** London
        - **Founded:** 1990
        - **Artists:** DJ Food, Mr. Scruff, Amon Tobin

        A London label with a famous *ninja* logo.
        """;

    /// <summary>A whole article: the default front matter, an intro line, then the given entries.</summary>
    public static string With(params string[] entries) =>
        FrontMatter + "\n\nAn intro paragraph.\n\n" + string.Join("\n\n", entries) + "\n";
}
