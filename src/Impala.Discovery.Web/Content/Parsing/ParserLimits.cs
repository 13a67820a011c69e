using System.Globalization;

namespace Impala.Discovery.Web.Content.Parsing;

/// <summary>
/// How much the parsers accept, checked before Markdig or YamlDotNet see the text. Both libraries recurse on nested
/// input (a stack overflow cannot be caught) and some constructs cost time in the square of their count, so the
/// bounds come first. Each number is far above what a real article needs and low enough that any text within the
/// file size cap parses in about a second.
/// </summary>
public static class ParserLimits
{
    /// <summary>Longer lines are almost always a pasted blob; prose wraps long before this.</summary>
    public const int MaxLineLength = 10_000;

    /// <summary>Front matter is a handful of short keys; a summary of a few sentences is well under 1 KiB.</summary>
    public const int MaxFrontMatterBytes = 16 * 1024;

    /// <summary>
    /// kinds.yml declares a few kinds of a few facts each (about 2 KiB today); written as content/README.md shows, 100
    /// kinds of 20 facts are 95 KiB and 150 kinds of 25 facts 171 KiB, which parse in a few milliseconds.
    /// </summary>
    public const int MaxKindsFileBytes = 256 * 1024;

    /// <summary>removed.yml: about 80 bytes a record, so room for thousands of removals.</summary>
    public const int MaxRemovalsFileBytes = 512 * 1024;

    /// <summary>
    /// Levels of YAML nesting: brackets inside brackets, or indentation inside indentation. kinds.yml uses 4;
    /// YamlDotNet overflows the stack somewhere in the thousands.
    /// </summary>
    public const int MaxYamlNesting = 32;

    /// <summary>
    /// All '[' and '{' of one YAML text, quoted or not: an absolute bound on flow nesting, whatever the checks misread
    /// about quotes. kinds.yml writes each fact as '- { … }', so this is also the number of facts of all kinds together
    /// (100 kinds of 20 facts are 2,000). YamlDotNet overflows a thread pool thread's stack between 16,000 and 32,000
    /// levels, four times this.
    /// </summary>
    public const int MaxYamlBrackets = 4_096;

    /// <summary>
    /// Levels of block nesting on one line of Markdown: '>' quotes, list markers, and indentation (two columns a
    /// level). Markdig refuses 128 levels of '>' and lists 64 deep with an exception, and its time per line grows
    /// with the depth (a file of 16-deep quotes took a second); articles use three or four.
    /// </summary>
    public const int MaxBlockNesting = 12;

    /// <summary>'[' inside '[' in one paragraph. Markdig refuses deep nesting with an exception.</summary>
    public const int MaxBracketDepth = 16;

    /// <summary>
    /// '[' (links and images, closed or not) in one paragraph: Markdig matches each ']' against the open ones, so the
    /// time grows with the square of their number in a paragraph.
    /// </summary>
    public const int MaxLinkOpenersPerParagraph = 128;

    /// <summary>
    /// Characters Markdig may read looking for the end of link addresses, in the whole file. After each '](' it reads
    /// on to the closing ')', a space or the end of the line; '[a](' written 40,000 times on one line made that
    /// 800 million characters (33 s). Real articles need a few thousand; this bound is a few tenths of a second.
    /// </summary>
    public const int MaxLinkAddressScan = 50_000_000;

    /// <summary>
    /// '*', '_', '~', '^', '+' and '=' (emphasis marks) in one paragraph. Each pair can nest one level deeper, and
    /// Markdig refuses 128 levels with an exception ('*' written 270 times around a word does it); unmatched marks
    /// also cost time in the square of their number, like link openers. A list item counts on its own, as Markdig
    /// reads it, so an entry's facts list may be as long as its kind's facts (200 facts parse in a few milliseconds).
    /// </summary>
    public const int MaxEmphasisMarksPerParagraph = 200;

    /// <summary>
    /// Lines with a '|' in one paragraph: Markdig's pipe tables take time in the square of their rows when the
    /// paragraph also has emphasis (2,000 rows took 0.7 s; 100 take a few milliseconds).
    /// </summary>
    public const int MaxTableRowsPerParagraph = 100;

    /// <summary>
    /// '|' in the whole file: pipe tables cost about a microsecond a character, and Markdig refuses a very large
    /// table with an exception. Ten thousand cells is far more than an article shows.
    /// </summary>
    public const int MaxTablePipes = 10_000;

    /// <summary>A monthly article has about twenty entries; a thousand is a different kind of file.</summary>
    public const int MaxEntriesPerArticle = 1_000;

    /// <summary>
    /// Characters in a name the site draws: an entry's name, an article's title, each item of a list of names (an
    /// artist gets a page and a card of their own). A card fits such text by shaping it again at each size and cutting
    /// a word that does not fit one character at a time, so its cost grows with the square of the length: a
    /// 10,000-character name cost 52 CPU-seconds. The longest real name is 45 characters.
    /// </summary>
    public const int MaxNameLength = 150;

    /// <summary>
    /// Characters in the last segment of an address: an entry's or an article's, and each former one. A 3,000-character
    /// `Slug` line was served, and put in the sitemap past the 2,048 characters search engines read of an address (found
    /// by replay 6). A name of <see cref="MaxNameLength"/> makes at most this, but for letters that fold to two (ß, æ).
    /// </summary>
    public const int MaxAddressLength = 200;

    /// <summary>
    /// Characters between two spaces in drawn text (see <see cref="DrawnText"/>). The longest words of European
    /// languages are about 40 characters; an address is a fact of its own type, which is not drawn.
    /// </summary>
    public const int MaxWordLength = 60;

    /// <summary>An article's summary and a kind's intro, drawn on cards as the caption: one or two sentences (the longest real one is 152).</summary>
    public const int MaxSummaryLength = 500;

    /// <summary>
    /// A fact's whole value: a list of sixty artists is about 900 characters (the longest real value is 140). A card's
    /// caption may draw it, and at this length in the longest words that caption costs 0.1 CPU-seconds.
    /// </summary>
    public const int MaxFactValueLength = 1_000;

    /// <summary>A kind's singular and plural names, drawn in capitals on a card's pill ("Label", "Labels").</summary>
    public const int MaxKindNameLength = 40;

    /// <summary>Beyond this the editor fixes the first ones and runs the import again; the log stays readable.</summary>
    public const int MaxErrorsPerFile = 100;

    /// <summary>A count as editors read it, "10,000", whatever the server's culture.</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
