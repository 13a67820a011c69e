namespace Impala.Discovery.Web.Features.Preview;

/// <summary>An error or warning of the checker on the previewed source, with the line of the source it points at.</summary>
public sealed record PreviewProblem(string Severity, string File, int Line, int Column, string Message, string SourceLine)
{
    public string Location => $"{File}:{Line}:{Column}";
}
