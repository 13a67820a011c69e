namespace Impala.Discovery.Web.Features.Search;

public static class SearchRegistration
{
    /// <summary>The search engine, per request (it reads the store), and the place names it reads from content/places.yml, once.</summary>
    public static IServiceCollection AddSiteSearch(this IServiceCollection services) =>
        services.AddSingleton<PlaceNames>().AddScoped<SiteSearch>();
}
