namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// Where a sleeve stands among its siblings: the family (an article's path) and its place in it from 0. Sleeves of
/// one family are told apart by place, not by chance (see <see cref="SleeveStyle"/>).
/// </summary>
public sealed record SleevePlace(string Family, int Index);
