namespace Impala.Discovery.Web.Features.Search;

public static class SearchRegistration
{
    /// <summary>
    /// The search engine, per request (it reads the store); the place names it reads from content/places.yml and the
    /// spelling index of the content served, once for all.
    /// </summary>
    public static IServiceCollection AddSiteSearch(this IServiceCollection services) =>
        services.AddSingleton(provider =>
            {
                var places = ActivatorUtilities.CreateInstance<PlaceNames>(provider);
                provider.GetRequiredService<Content.ContentImporter>().Imported += (_, _) =>
                {
                    places.ReadAgain();
                    return Task.CompletedTask;
                };
                return places;
            })
            .AddSingleton<SearchCatalogCache>().AddScoped<SiteSearch>();
}
