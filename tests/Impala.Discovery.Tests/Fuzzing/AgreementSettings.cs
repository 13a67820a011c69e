using System.Globalization;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// How many editing sessions <see cref="InstanceAgreementTests"/> runs, from which seed, of how many edits. The normal run
/// is fixed and short; a long run is asked for in the environment of dotnet test: IMPALA_FUZZ_SESSIONS=200
/// IMPALA_FUZZ_EDITS=30 (and IMPALA_FUZZ_SEED=any number for fresh sessions: session k uses seed + k).
/// IMPALA_FUZZ_KEEP=3,7 replays only those edits of each session (what a failure's message names as its fewest).
/// IMPALA_FUZZ_SHRINK_SECONDS bounds the search for those fewest edits (0: none); IMPALA_FUZZ_LOG=file appends each
/// session's edits and what the running store refused after each to that file. The wider edits (see <see cref="EditorEdits"/>)
/// are made in the normal run too, since its seeds agree with them (issue 21); IMPALA_FUZZ_WIDENED=0 leaves them out, and
/// a seed replays as before they came.
/// </summary>
public sealed record AgreementSettings(int Seed, int Sessions, int Edits, IReadOnlySet<int>? Keep, TimeSpan ShrinkBudget, bool Widened = true)
{
    public const int DefaultSeed = 20261207;
    public const int DefaultSessions = 4;
    public const int DefaultEdits = 12;

    public static AgreementSettings FromEnvironment() => new(
        Read("IMPALA_FUZZ_SEED") ?? DefaultSeed,
        Read("IMPALA_FUZZ_SESSIONS") ?? DefaultSessions,
        Read("IMPALA_FUZZ_EDITS") ?? DefaultEdits,
        Environment.GetEnvironmentVariable("IMPALA_FUZZ_KEEP") is { Length: > 0 } keep
            ? keep.Split(',').Select(index => int.Parse(index, CultureInfo.InvariantCulture)).ToHashSet()
            : null,
        TimeSpan.FromSeconds(Read("IMPALA_FUZZ_SHRINK_SECONDS") ?? 300),
        Read("IMPALA_FUZZ_WIDENED") is not 0);

    private static int? Read(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
