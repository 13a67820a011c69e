namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// One mutated picture file: which seed picture it was made from and how. Made from (seed, index) alone, so any mutant
/// can be made again by itself, in another process or in a regression test.
/// </summary>
public sealed record PictureMutant(int Seed, int Index, string SeedName, byte[] Bytes, IReadOnlyList<string> Operations)
{
    public static PictureMutant Create(int seed, int index) => Create(seed, index, PictureSeeds.All);

    /// <summary>A mutant of one of <paramref name="seeds"/>: the picture fuzzer's own seeds, or the frozen fixture's pictures.</summary>
    public static PictureMutant Create(int seed, int index, IReadOnlyList<(string Name, byte[] Bytes)> seeds)
    {
        // Not the article mutants' formula: the same seed and index make unrelated mutants in the two fuzzers.
        var random = new Random(unchecked((seed * 7_368_787) + index + 1));
        var (name, bytes) = seeds[random.Next(seeds.Count)];
        var mutator = new PictureMutator(random);
        return new PictureMutant(seed, index, name, mutator.Mutate(bytes), mutator.Operations);
    }

    public override string ToString() => $"picture mutant {Index} of seed {Seed} ({SeedName}: {string.Join("; ", Operations)})";
}
