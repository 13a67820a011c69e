namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// What a page calls itself and says of itself in a line: its heading in link previews, social cards, embeds and
/// JSON-LD, and its description in all of them. Made by <see cref="PageTexts"/> alone.
/// </summary>
public sealed record PageText(string Title, string Description);
