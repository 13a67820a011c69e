using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Api;
using Impala.Discovery.Web.Features.Caching;
using Impala.Discovery.Web.Features.Cards;
using Impala.Discovery.Web.Features.Edge;
using Impala.Discovery.Web.Features.Health;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.Extensions.Options;
using Serilog;

if (args.FirstOrDefault() == ContentCheck.Verb)
{
    // Editors and CI check a content folder without starting the site.
    return await ContentCheck.RunAsync(args[1..], Console.Out, TimeProvider.System, CancellationToken.None);
}

if (args.FirstOrDefault() == NewArticle.Verb)
{
    return await NewArticle.RunAsync(args[1..], Console.Out, TimeProvider.System, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console());

builder.AddDiscoveryContent();
builder.Services.AddDataProtectionKeysBesideTheStore();
builder.AddSiteEdge();
builder.Services.AddHealthEndpoints();
builder.Services.AddDiscoveryApi();
builder.Services.AddCards();
builder.Services.AddHttpCaching();
builder.Services
    .AddControllersWithViews()
    .AddRazorOptions(razor =>
    {
        // Views live beside their controllers in Features/<Feature>/.
        razor.ViewLocationFormats.Clear();
        razor.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
        razor.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
    });

var app = builder.Build();

app.UseSiteEdge();
app.UseHeadWithoutBody();
app.UseRequestLogging();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseDiscoveryApi(); // CORS, and problem details instead of the error pages, under /api/
app.UseLowercaseUrls();
app.UseCachedStaticFiles();
app.UseStartingUpPage();
app.UseRouting();
app.UseConditionalRequests(); // after routing (it reads the action's query keys), before the page cache: a 304 renders nothing
app.UseOutputCache();
app.UseResponseCompression(); // inside the page cache, so that a page is compressed once per encoding and kept so
app.UseRateLimiter(); // after the page cache: only work the cache could not answer counts
app.MapControllers();
app.MapHealthEndpoints();
app.MapDiscoveryApiDocument();

try
{
    app.EvictPagesAfterEachImport();
    app.Run();
    return 0;
}
catch (OptionsValidationException invalid)
{
    // A configuration mistake is the operator's to fix: one clear line and a non-zero exit, not a stack trace.
    app.Logger.LogCritical("The site cannot start: {Problems}", string.Join(" ", invalid.Failures));
    return 1;
}
