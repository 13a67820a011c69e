namespace Impala.Discovery.BrowserTests;

/// <summary>An element that breaks an axe-core rule: its CSS selector and axe's summary of how to fix it.</summary>
public sealed record AxeNode(string Target, string Summary);
