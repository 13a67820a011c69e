namespace Impala.Discovery.Web.Features.Shared;

/// <summary>A kind with how many entries it has, for navigation and the home page.</summary>
public sealed record KindSummary(string Key, string Singular, string Plural, string Colour, string Intro, bool HasCountry, int Count);
