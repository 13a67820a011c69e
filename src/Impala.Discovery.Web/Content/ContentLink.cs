namespace Impala.Discovery.Web.Content;

/// <summary>A Markdown link to a page of this site, kept so that the importer can check its target exists.</summary>
public sealed record ContentLink(string Path, int Line, int Column);
