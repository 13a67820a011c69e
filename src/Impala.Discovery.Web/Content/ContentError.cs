namespace Impala.Discovery.Web.Content;

/// <summary>
/// A mistake in a content file, located the way compilers do it so that editors and their tools can jump to it.
/// The message says what is wrong and how to fix it.
/// </summary>
public sealed record ContentError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";

    /// <summary>The message on one line (a quoted value may hold a line break), for output that gives one problem a line.</summary>
    public string MessageOnOneLine => Message.ReplaceLineEndings(" ↵ ");
}
