using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// What a sleeve is drawn from: a seed (the page's path, so each entry keeps its sleeve), the name set on it, its
/// kind's colour, a small mark (the country code, or the year where there is no country), a line above the name, and
/// for an entry its place in its article, which chooses its style (<see cref="SleeveStyle"/>).
/// </summary>
public sealed record SleeveSubject(string Seed, string Name, SKColor Colour, string Mark, string Label, SleevePlace? Place = null);
