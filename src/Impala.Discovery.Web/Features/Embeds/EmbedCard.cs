namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>
/// What an embedded card shows of an entry or an article, and the page it stands for. The label says what it is:
/// the kind's singular ("Label"), or "Article".
/// </summary>
public sealed record EmbedCard(string Name, string KindKey, string Label, string Caption, string PagePath);
