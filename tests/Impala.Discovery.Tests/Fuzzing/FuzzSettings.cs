using System.Globalization;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// How many mutants a run makes and from which seed. The normal run is fixed and short; a long run is asked for with
/// IMPALA_FUZZ_MUTANTS=20000 (and IMPALA_FUZZ_SEED=any number for fresh mutants) in the environment of dotnet test.
/// </summary>
public sealed record FuzzSettings(int Mutants, int Seed)
{
    public const int DefaultMutants = 200;
    public const int DefaultSeed = 20261124;

    public static FuzzSettings FromEnvironment() =>
        new(Read("IMPALA_FUZZ_MUTANTS") ?? DefaultMutants, Read("IMPALA_FUZZ_SEED") ?? DefaultSeed);

    /// <summary>The picture fuzzer's (<see cref="PictureMutantTests"/>): IMPALA_PICTURE_FUZZ_MUTANTS, and the same seed variable.</summary>
    public static FuzzSettings ForPictures(int defaultMutants) =>
        new(Read("IMPALA_PICTURE_FUZZ_MUTANTS") ?? defaultMutants, Read("IMPALA_FUZZ_SEED") ?? DefaultSeed);

    private static int? Read(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
