namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>
/// What a picture must be to be shown, checked when the article is read (its name) and at import (the file itself).
/// The bounds keep a decoded picture within a few tens of megabytes and refuse what could not look good.
/// </summary>
public static class PictureRules
{
    public const string Folder = "images";

    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>25 megapixels: a modern camera's full frame, and at most 100 MB while it is decoded.</summary>
    public const long MaxPixels = 25_000_000;

    /// <summary>Smaller than this, a picture cannot fill a card without looking blurred.</summary>
    public const int MinSide = 200;

    /// <summary>Longer than 3:1 either way, a picture crops to a sliver on cards.</summary>
    public const double MaxAspectRatio = 3.0;

    public const int MaxAltLength = 300;

    public static readonly IReadOnlyList<string> Extensions = [".jpg", ".jpeg", ".png", ".webp"];

    /// <summary>
    /// What is wrong with a picture's file name as written, or null: it must be a plain relative path under
    /// <c>images/</c> with a picture's extension, so that it can only ever name a file inside the content folder.
    /// </summary>
    public static string? NameError(string value)
    {
        var example = $"such as '{Folder}/ninja-tune.jpg'";
        if (value.Length == 0)
        {
            return $"Name the picture's file, {example}.";
        }

        if (value.Contains("://", StringComparison.Ordinal) || value.StartsWith('/') || value.Contains('\\'))
        {
            return $"'{value}' is not a file in the content folder. Put the picture in content/{Folder}/ and name it from there, {example}; "
                + "pictures from other sites are not shown.";
        }

        var segments = value.Split('/');
        if (segments[0] != Folder || segments.Length < 2)
        {
            return $"'{value}' is not in the pictures folder. Put the picture in content/{Folder}/ and write its name from there, {example}.";
        }

        if (segments.Skip(1).Any(segment => segment.Length == 0 || segment is "." or ".." || segment.StartsWith('.') || segment.Any(char.IsControl)))
        {
            return $"'{value}' is not a plain file name. Write it without '..', empty or hidden parts, {example}.";
        }

        if (!Extensions.Contains(Path.GetExtension(value), StringComparer.Ordinal))
        {
            return $"'{value}' does not end in {string.Join(", ", Extensions)}. Save the picture as JPEG, PNG or WebP "
                + "with a lower-case extension and name it here.";
        }

        return null;
    }

    /// <summary>What is wrong with a picture's alt text, or null.</summary>
    public static string? AltError(string alt) => alt.Length switch
    {
        0 => "The picture needs words for people who cannot see it. Describe what it shows in a short sentence.",
        > MaxAltLength => $"This description of the picture is {alt.Length} characters long. Keep it under {MaxAltLength}: "
            + "say what the picture shows; the prose can say the rest.",
        _ => null,
    };
}
