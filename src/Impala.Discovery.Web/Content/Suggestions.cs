namespace Impala.Discovery.Web.Content;

/// <summary>Finds the known word an editor most likely meant, for "did you mean" hints.</summary>
public static class Suggestions
{
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        // Beyond about a third of the word the "suggestion" is a guess that misleads more than it helps.
        var tolerance = Math.Max(2, typed.Length / 3);
        var best = (Word: (string?)null, Distance: int.MaxValue);
        foreach (var candidate in known)
        {
            // The distance is at least the difference in length: skipping those keeps a pasted paragraph cheap.
            if (Math.Abs(candidate.Length - typed.Length) > tolerance)
            {
                continue;
            }

            var distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < best.Distance)
            {
                best = (candidate, distance);
            }
        }

        return best.Distance <= tolerance ? best.Word : null;
    }

    /// <summary>"Did you mean 'X'? " or nothing, ready to put in front of the rest of a message.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> known) =>
        Nearest(typed, known) is { } nearest ? $"Did you mean '{nearest}'? " : "";

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
