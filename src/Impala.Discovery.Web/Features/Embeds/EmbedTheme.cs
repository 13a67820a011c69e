namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>
/// The colours an embed is drawn in, chosen by the member with <c>?theme=</c>: light, dark, or auto (the default),
/// which follows the colour scheme the browser gives the frame.
/// </summary>
public sealed record EmbedTheme(string Name, string ClassName, string ColorScheme)
{
    public static readonly EmbedTheme Auto = new("auto", "theme-auto", "light dark");
    public static readonly EmbedTheme Light = new("light", "theme-light", "light");
    public static readonly EmbedTheme Dark = new("dark", "theme-dark", "dark");

    public static IReadOnlyList<EmbedTheme> All { get; } = [Auto, Light, Dark];

    /// <summary>The theme a query value names, or null for a value that names none (a member's typo, answered with a 400).</summary>
    public static EmbedTheme? Find(string? name) =>
        string.IsNullOrEmpty(name) ? Auto : All.FirstOrDefault(theme => string.Equals(theme.Name, name, StringComparison.OrdinalIgnoreCase));
}
