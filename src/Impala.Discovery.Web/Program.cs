using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Admin;
using Impala.Discovery.Web.Features.Api;
using Impala.Discovery.Web.Features.Caching;
using Impala.Discovery.Web.Features.Cards;
using Impala.Discovery.Web.Features.ContentStatus;
using Impala.Discovery.Web.Features.Edge;
using Impala.Discovery.Web.Features.Health;
using Impala.Discovery.Web.Features.Pictures;
using Impala.Discovery.Web.Features.Preview;
using Impala.Discovery.Web.Features.Search;
using Impala.Discovery.Web.Features.Shared;
using Impala.Discovery.Web.Features.Styles;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using Serilog;

// Editors and CI use the same program as a command line; a mistyped verb must never start the web server instead.
if (CommandLine.Verb(args) is { } verb)
{
    return await CommandLine.RunAsync(verb, args[1..], Console.Out, TimeProvider.System, CancellationToken.None);
}

// No watcher on appsettings.json: nothing in it is read again while the site runs, and with the user's inotify instances
// used up (other apps of the same user hold them) that watcher ended the start with a stack trace (found by sweep 7).
// The content folder has its own watcher, which falls back to looking every second.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);

// Each host its own logger, not Serilog's static one: two hosts in one process (tests, a check beside the site) would
// otherwise write into whichever configured it last.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console(), preserveStaticLogger: true);

builder.AddDiscoveryContent();
builder.Services.AddDataProtectionKeysBesideTheStore();
builder.AddSiteEdge();
builder.Services.AddHealthEndpoints();
builder.Services.AddDiscoveryApi();
builder.Services.AddCards();
builder.Services.AddSingleton(RenditionCache.Create);
builder.Services.AddSiteSearch();
builder.Services.AddHttpCaching();
builder.Services.AddSourcePreview();
builder.Services.AddBrowserEditor();
builder.Services.AddEditorsGate();
builder.Services.AddSingleton<KindStylesheet>();
builder.Services.AddSingleton<PageWarmUp>();
builder.Services.AddHostedService(services => services.GetRequiredService<PageWarmUp>());
builder.Services
    .AddControllersWithViews(mvc =>
    {
        // No action takes a form (POST /preview reads its body itself): a form sent with a GET would otherwise override
        // the route's values, and the page cache would keep another page under the address asked for.
        mvc.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        mvc.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
        mvc.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
    })
    .AddRazorOptions(razor =>
    {
        // Views live beside their controllers in Features/<Feature>/.
        razor.ViewLocationFormats.Clear();
        razor.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
        razor.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
    });

var app = builder.Build();

app.UseSiteEdge();
app.UseRequestLogging();
app.UseHeadLikeGet();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/error/500",
        // A failure answered 503 is a store being built again (StartingUpPage.FailedOnALostStore), which the import
        // service reports once: not an error with its stack for every request meanwhile (found by replay 7).
        SuppressDiagnosticsCallback = handled => handled.HttpContext.Response.StatusCode == StatusCodes.Status503ServiceUnavailable,
    });
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseDiscoveryApi(); // CORS, and problem details instead of the error pages, under /api/
app.UseLowercaseUrls();
app.UseStartingUpPage();
app.UseRouting();
app.UseAuthorization();
app.UseWholeResponses(); // pages leave with their length, even when first rendered: nginx's microcache keeps them so
app.UseOutputCache();
app.UseResponseCompression(); // inside the page cache, so that a page is compressed once per encoding and kept so
app.UseRateLimiter(); // after the page cache: only work the cache could not answer counts
app.MapSiteAssets(); // wwwroot: compressed at build time, content ETags, fingerprinted URLs kept a year
app.MapControllers().WithStaticAssets(); // views link wwwroot files by their fingerprinted URLs
app.MapHealthEndpoints();
app.MapDiscoveryApiDocument();

try
{
    app.EvictPagesAfterEachImport();
    if (await DiscoveryDatabase.ProblemOpeningAsync(app.Services) is { } storeProblem)
    {
        // A read-only folder or a full disk is the operator's to fix: one clear line and a non-zero exit.
        app.Logger.LogCritical("The site cannot start: {Problem}", storeProblem);
        return 1;
    }

    if (await ContentRegistration.ContentFolderProblemAsync(app.Services) is { } contentProblem)
    {
        app.Logger.LogCritical("The site cannot start: {Problem}", contentProblem);
        return 1;
    }

    using var straySignals = new StraySignals(app.Logger);
    app.Run();
    return 0;
}
catch (OptionsValidationException invalid)
{
    // A configuration mistake is the operator's to fix: one clear line and a non-zero exit, not a stack trace.
    app.Logger.LogCritical("The site cannot start: {Problems}", string.Join(" ", invalid.Failures));
    return 1;
}
