using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests;

/// <summary>The kinds a content folder declares, read with the site's own parser: tests that walk "every kind" start here.</summary>
public static class ContentKinds
{
    public static KindCatalog Load(string contentFolder)
    {
        var result = KindCatalogParser.Parse(ContentFolder.KindsFileName, File.ReadAllText(Path.Combine(contentFolder, ContentFolder.KindsFileName)));
        return result.Value ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    }
}
