namespace Impala.Discovery.Web.Features.Api;

/// <summary>One address of a links fact: the service's name as the page's button shows it ("Bandcamp") and the address.</summary>
public sealed record ApiLink(string Service, string Url);
