using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content.Parsing;
using YamlDotNet.RepresentationModel;

namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// Reads <c>content/removed.yml</c>, the record of addresses taken off the site: a list under <c>removed:</c> of
/// <c>path</c> and <c>reason</c>. With the entries' and articles' <c>aliases</c> it makes the content say every
/// address ever published, so the store is derived data that can be deleted without losing one.
/// </summary>
public static partial class RemovalRecords
{
    public const string FileName = "removed.yml";

    /// <summary>What a reason may hold: it is shown on the 410 page and in the API's problem.</summary>
    public const int MaxReasonLength = 300;

    private static readonly string[] RecordKeys = ["path", "reason"];

    /// <summary>The file's records, or the errors that refuse it (the last good records then stay in force).</summary>
    public static ParseResult<IReadOnlyList<RemovalRecord>> Parse(string yaml)
    {
        var reader = new YamlDocument(FileName, 1);
        var text = SourceText.Normalise(yaml);
        if (text.Split('\n').All(line => line.TrimStart().Length == 0 || line.TrimStart().StartsWith('#')))
        {
            return ParseResult<IReadOnlyList<RemovalRecord>>.Success([]);
        }

        if (BidiControls.Find(FileName, text.Split('\n')) is { Count: > 0 } controls)
        {
            // A reason is shown on the 410 page and in the API's problem, as kinds' names are on their pages.
            return ParseResult<IReadOnlyList<RemovalRecord>>.Failure(controls);
        }

        var root = reader.LoadMapping(text, ParserLimits.MaxRemovalsFileBytes, FileName);
        if (root is null)
        {
            return ParseResult<IReadOnlyList<RemovalRecord>>.Failure(reader.Errors);
        }

        reader.RejectUnknownKeys(root, ["removed"], FileName);
        var records = new List<RemovalRecord>();
        switch (YamlDocument.Node(root, "removed"))
        {
            case null:
                break;
            case YamlScalarNode { Value: null or "" }:
                break;
            case YamlSequenceNode sequence:
                foreach (var node in sequence.Children)
                {
                    if (Read(reader, node) is { } record)
                    {
                        if (records.FirstOrDefault(other => other.Path == record.Path) is { } earlier)
                        {
                            reader.Error(node, $"{record.Path} is recorded twice (line {earlier.Line} too). Delete one of the two records.");
                            continue;
                        }

                        records.Add(record);
                    }
                }

                break;
            case var other:
                reader.Error(other, $"'removed:' is a list of records, each starting with '- path:'. {Example}");
                break;
        }

        return reader.Errors.Count == 0
            ? ParseResult<IReadOnlyList<RemovalRecord>>.Success(records)
            : ParseResult<IReadOnlyList<RemovalRecord>>.Failure(reader.Errors);
    }

    /// <summary>The lines that record <paramref name="path"/> as removed, indented as they stand under <c>removed:</c>.</summary>
    public static string RecordLines(string path, string reason) =>
        $"  - path: {path}\n    reason: \"{reason.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"\n";

    /// <summary>The reason <c>check --fix</c> writes when the editor gives none: true of every removal, to be made more precise.</summary>
    public const string DefaultReason = "Taken out of the discovery series.";

    private const string Example = "For example, a line '  - path: /labels/warp' and under it '    reason: Warp asked to leave the series.'";

    private static RemovalRecord? Read(YamlDocument reader, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            reader.Error(node, $"Each record is a 'path:' line and a 'reason:' line, the first starting with '- '. {Example}");
            return null;
        }

        reader.RejectUnknownKeys(mapping, RecordKeys, "a removal record");
        var path = YamlDocument.Scalar(mapping, "path")?.Trim();
        var reason = YamlDocument.Scalar(mapping, "reason")?.Trim();
        if (string.IsNullOrEmpty(path) || !SitePathShape().IsMatch(path))
        {
            reader.Error(YamlDocument.Node(mapping, "path") ?? mapping,
                $"'path' must be an address of this site such as /labels/warp, /series/record-labels or /artists/amon-tobin{(path is null ? "" : $" (found '{path}')")}: "
                + "a '/', then lower-case letters, digits and hyphens, with one more '/' at most.");
            return null;
        }

        if (string.IsNullOrEmpty(reason))
        {
            reader.Error(mapping, $"The record of {path} needs a 'reason:': a sentence shown to visitors of the old address, such as \"{DefaultReason}\"");
            return null;
        }

        if (reason.Length > MaxReasonLength)
        {
            reader.Error(YamlDocument.Node(mapping, "reason")!, $"The reason is {reason.Length} characters long; keep it under {MaxReasonLength}, one or two sentences.");
            return null;
        }

        if (BidiControls.FirstIn(reason) is { } control)
        {
            // Written as an escape in quotes ("\u202E"), so the line itself holds none.
            reader.Error(YamlDocument.Node(mapping, "reason")!,
                $"The reason of {path} holds an invisible direction control, {BidiControls.Describe(control)}, written as an escape such as \\u{(int)control:X4}. "
                + $"{BidiControls.Why} Delete the escape from the reason.");
            return null;
        }

        return new RemovalRecord(path, reason, reader.LineOf(mapping));
    }

    [GeneratedRegex("^/[a-z0-9][a-z0-9-]{0,120}(/[a-z0-9][a-z0-9-]{0,200})?$")]
    private static partial Regex SitePathShape();
}
