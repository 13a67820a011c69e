namespace Impala.Discovery.Web.Content.Parsing;

/// <summary>
/// Turns YamlDotNet's scanner words ("found invalid mapping") into what an editor should do, keeping the library's
/// words at the end for developers.
/// </summary>
public static class YamlErrorText
{
    private const string General = "Check the quotes, colons and indentation on this line; a value with a colon or '#' in it needs quotes.";

    // Checked in order: the first whose words appear in the library's message explains it.
    private static readonly (string Words, string Advice)[] Explanations =
    [
        ("found invalid mapping", "A value here contains ': ' (a colon and a space), or a line is indented under a value. "
            + "Put the whole value in double quotes, such as title: \"Rock: the early years\", and start every key at the beginning of its line."),
        ("mapping values are not allowed", "A value here contains ': ' (a colon and a space). Put the whole value in double quotes."),
        ("expected ',' or ']'", "A '[' is never closed with ']'. Close the list, such as [first, second], "
            + "or put the value in double quotes if the '[' is part of the text."),
        ("expected ',' or '}'", "A '{' is never closed with '}'. Close it, or put the value in double quotes if the '{' is part of the text."),
        ("quoted scalar", "A quote is opened and never closed. Add the closing quote at the end of the value, "
            + "and write a quote inside a double-quoted value as \\\"."),
        ("tab character", "A tab is used here, which YAML does not accept. Replace it with a space."),
        ("cannot start any token", "A value starts with a character that YAML reserves, such as '@', '`', '%' or '|'. Put the whole value in double quotes."),
        ("could not find expected ':'", "A line here is not written as 'key: value' (the colon is missing, or a value goes on "
            + "over several lines). Write 'key: value' on one line, with a space after the colon."),
        ("expected '-' indicator", "A list item here is not lined up with the items above it. Start each item with '- ' at the same indentation."),
        ("did not find expected key", "A line here does not belong where it is. Start every key at the beginning of its line, and put a "
            + "value that contains ': ' or starts with '[', '{', quotes or '-' in double quotes."),
        ("did not find expected node content", "A value here is missing or starts with a character that YAML reserves, such as ']' or '}'. "
            + "Put the whole value in double quotes."),
        ("Duplicate key", "A key is given twice. Keep one line for each key."),
        ("anchor", "A value that starts with '*' or '&' is read as a YAML alias or anchor. Put the whole value in double quotes."),
    ];

    /// <summary>"This is not valid YAML: advice (YAML library: its words)".</summary>
    public static string Explain(Exception exception)
    {
        var words = LibraryWords(exception);
        var advice = Explanations.FirstOrDefault(pair => words?.Contains(pair.Words, StringComparison.OrdinalIgnoreCase) == true).Advice ?? General;
        return $"This is not valid YAML: {advice}{WithLibraryWords(exception)}";
    }

    /// <summary>" (YAML library: its words)" for the end of a message, or nothing when the library said nothing of the text.</summary>
    public static string WithLibraryWords(Exception exception) => LibraryWords(exception) is { } words ? $" (YAML library: {words})" : "";

    /// <summary>
    /// What YamlDotNet said, for developers; null when it only threw .NET's own words, such as its
    /// "Operation is not valid due to the current state of the object." on an unclosed '[', which tell an editor nothing.
    /// </summary>
    private static string? LibraryWords(Exception exception) => exception switch
    {
        { InnerException: { } inner } => inner.Message,
        YamlDotNet.Core.YamlException => exception.Message,
        _ => null,
    };
}
