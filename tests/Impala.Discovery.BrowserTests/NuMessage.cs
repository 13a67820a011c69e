namespace Impala.Discovery.BrowserTests;

/// <summary>One message of the W3C Nu HTML Checker's JSON output ("error", "info" with subType "warning", …).</summary>
public sealed record NuMessage(string Type, string? SubType, string? Url, string Message, int? LastLine, int? LastColumn, string? Extract)
{
    public bool IsError => Type is "error" or "non-document-error";
}
