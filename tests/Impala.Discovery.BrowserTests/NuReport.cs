namespace Impala.Discovery.BrowserTests;

/// <summary>The top level of vnu.jar's <c>--format json</c> output.</summary>
internal sealed record NuReport(List<NuMessage> Messages);
