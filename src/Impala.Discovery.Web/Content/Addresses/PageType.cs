namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>The kinds of page a fan can open; each has one address shape (see <see cref="PageAddress"/>).</summary>
public enum PageType
{
    Home,
    About,
    Series,
    Article,
    Countries,
    Country,
    Artists,
    Artist,
    Search,
    KindIndex,
    Entry,
}
