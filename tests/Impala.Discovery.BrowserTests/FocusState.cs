namespace Impala.Discovery.BrowserTests;

/// <summary>The focused element as a keyboard user sees it: which one it is, where it is and how its outline looks.</summary>
public sealed record FocusState(
    string Key, string Outline, string OutlineStyle, double OutlineWidth, double Top, double Bottom, double Left, double Right);
