namespace Impala.Discovery.BrowserTests;

/// <summary>One rule axe-core found broken on a page, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<AxeNode> Nodes)
{
    public override string ToString() =>
        $"{Id} ({Impact}): {Help}\n" + string.Join("\n", Nodes.Select(node => $"    {node.Target}\n      {node.Summary.ReplaceLineEndings("\n      ")}"));
}
