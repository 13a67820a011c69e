namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// One change an editor commits (see <see cref="EditorEdits"/>), with its targets named: applied to a content folder it
/// changes what it names and says whether it changed anything (a target that an earlier edit took away is left alone),
/// so any subset of a session's edits can be replayed to find the few that make a difference.
/// </summary>
public sealed record EditorEdit(int Index, string Description, Func<EditedContent, bool> Apply)
{
    public override string ToString() => $"#{Index} {Description}";
}
