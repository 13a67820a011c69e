namespace Impala.Discovery.Web.Features.Admin;

public static class AdminRegistration
{
    /// <summary>decap-server's default address: in Development the editor uses it when it runs (npx decap-server).</summary>
    public const string DefaultLocalBackendUrl = "http://localhost:8081/api/v1";

    public static IServiceCollection AddBrowserEditor(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>()
            .BindConfiguration(AdminOptions.Section)
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (environment.IsDevelopment() && options.LocalBackendUrl.Length == 0)
                {
                    options.LocalBackendUrl = DefaultLocalBackendUrl;
                }
            });
        return services;
    }
}
