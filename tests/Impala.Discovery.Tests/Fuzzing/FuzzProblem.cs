namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>A way a mutant broke the invariant: <see cref="Class"/> groups mutants that fail alike, <see cref="Detail"/> tells this one.</summary>
public sealed record FuzzProblem(string Class, string Detail)
{
    /// <summary>An exception that escaped the import, classed by its type, where it was thrown and the last frame of ours.</summary>
    public static FuzzProblem Escaped(string during, Exception exception)
    {
        var frames = (exception.StackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(frame => frame.StartsWith("at ", StringComparison.Ordinal) ? frame[3..] : frame)
            .Select(frame => frame.Split('(')[0])
            .ToList();
        var thrownAt = frames.FirstOrDefault() ?? "?";
        var ours = frames.FirstOrDefault(frame => frame.StartsWith("Impala.", StringComparison.Ordinal)) ?? "?";
        return new($"{exception.GetType().Name} escaped the import {during}, thrown at {thrownAt}, from {ours}", exception.Message);
    }

    public override string ToString() => $"{Class}: {Detail}";
}
