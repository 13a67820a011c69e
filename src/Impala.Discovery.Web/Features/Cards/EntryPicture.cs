namespace Impala.Discovery.Web.Features.Cards;

/// <summary>An entry as its pictures need it: its sleeve, and the kind, caption and place in its article its card shows.</summary>
public sealed record EntryPicture(SleeveSubject Sleeve, string Kind, string Caption, int Rank, string ArticleTitle);
