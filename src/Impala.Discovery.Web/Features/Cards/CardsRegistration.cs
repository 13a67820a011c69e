namespace Impala.Discovery.Web.Features.Cards;

public static class CardsRegistration
{
    public static IServiceCollection AddCards(this IServiceCollection services) =>
        services.AddScoped<PagePictures>();
}
