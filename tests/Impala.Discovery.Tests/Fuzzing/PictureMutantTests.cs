using System.Diagnostics;
using System.Text;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Pictures;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// Seeded mutants of picture files (<see cref="PictureMutator"/> over <see cref="PictureSeeds"/>), checked against
/// <see cref="PictureMutantCheck"/> in child processes (<see cref="PictureMutantChild"/>: a native crash ends a child,
/// not the run), and a few mutants of the frozen fixture's pictures through the real importer. A fixed seed keeps the
/// normal run the same every time; a long run takes IMPALA_PICTURE_FUZZ_MUTANTS=20000 (and IMPALA_FUZZ_SEED=any number
/// for fresh mutants), and imports one mutant in 150. Each failing mutant is written to TestResults/fuzz/ with how
/// it was made, so it can become a named regression test (Content/Pictures/PictureCodecTests.cs).
/// </summary>
public sealed class PictureMutantTests
{
    private const int DefaultMutants = 600;

    /// <summary>The files that name each of the fixture's pictures (the venues cover is the venues kind's picture too).</summary>
    private static readonly IReadOnlyDictionary<string, string[]> NamedBy = new Dictionary<string, string[]>
    {
        ["images/a38.jpg"] = ["articles/2021-02-music-venues.md"],
        ["images/venues-cover.webp"] = ["articles/2021-02-music-venues.md", ContentFolder.KindsFileName],
        ["images/cobalt-music.png"] = ["articles/2021-03-record-labels.md"],
    };

    [Fact]
    public async Task EveryMutant_IsRefusedInWordsOrRendersAtThePromisedSizes_WithinTheMemoryBound_WithoutEndingTheProcess()
    {
        var settings = FuzzSettings.ForPictures(DefaultMutants);
        var clock = Stopwatch.StartNew();

        var shares = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var results = (await Task.WhenAll(Enumerable.Range(0, shares).Select(share => PictureMutantChild.RunAsync(settings.Seed, share, shares, settings.Mutants))))
            .SelectMany(share => share).OrderBy(result => result.Index).ToList();

        var failures = results.Where(result => result.Problems.Count > 0)
            .Select(result => (Mutant: PictureMutant.Create(settings.Seed, result.Index), result.Problems)).ToList();
        foreach (var (mutant, problems) in failures)
        {
            Save(mutant, problems);
        }

        var (peak, slowest) = (results.MaxBy(result => result.PeakGrowth), results.MaxBy(result => result.Milliseconds));
        Directory.CreateDirectory(MutantImport.ResultsFolder);
        File.AppendAllText(Path.Combine(MutantImport.ResultsFolder, "picture-runs.txt"),
            $"{DateTime.UtcNow:u} "
            + $"{results.Count} picture mutants (seed {settings.Seed}) in {clock.Elapsed.TotalSeconds:0.0} s: {results.Count(result => result.Accepted)} accepted, "
            + $"{failures.Count} failed; peak memory growth {peak?.PeakGrowth / (1 << 20)} MB (mutant {peak?.Index}), bound {PictureMutantCheck.MemoryBound / (1 << 20)} MB; "
            + $"slowest {slowest?.Milliseconds} ms (mutant {slowest?.Index}).\n");
        Assert.Equal(settings.Mutants, results.Select(result => result.Index).Distinct().Count());
        Assert.True(failures.Count == 0, Describe(settings, failures));
    }

    [Fact]
    public async Task MutantsOfTheFixturesPictures_ThroughTheImporter_RefuseOnlyTheArticleThatNamesThem_AtTheImageLine()
    {
        var settings = FuzzSettings.ForPictures(DefaultMutants);
        var pictures = NamedBy.Keys.Select(name => (name, File.ReadAllBytes(Path.Combine(FrozenContent.Path, name)))).ToList();
        var problems = new List<string>();

        // Half of them pictures the codec accepts and half it refuses, so that both ways through the importer are taken.
        var count = Math.Max(4, settings.Mutants / 150);
        var (accepted, refused) = (0, 0);
        for (var index = 0; accepted + refused < count; index++)
        {
            var mutant = PictureMutant.Create(settings.Seed, index, pictures);
            var good = PictureCodec.Check(mutant.Bytes).Picture is not null;
            if (good ? accepted == count / 2 : refused == count - (count / 2))
            {
                continue;
            }

            (accepted, refused) = good ? (accepted + 1, refused) : (accepted, refused + 1);
            foreach (var problem in await ImportAsync(mutant, good))
            {
                problems.Add($"{mutant}: {problem}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<List<string>> ImportAsync(PictureMutant mutant, bool good)
    {
        using var harness = new ImportHarness();
        File.WriteAllBytes(Path.Combine(harness.ContentPath, mutant.SeedName), mutant.Bytes);
        var naming = NamedBy[mutant.SeedName];
        var problems = new List<string>();

        ImportReport report;
        try
        {
            report = await harness.ImportAsync();
        }
        catch (Exception exception)
        {
            return [$"the import threw {exception}"];
        }

        if (good == (report.Errors.Count > 0))
        {
            problems.Add(good ? "a picture the codec accepts was refused at import" : "a picture the codec refuses was imported");
        }

        var imageLines = naming.ToDictionary(file => file,
            file => Array.FindIndex(File.ReadAllLines(Path.Combine(harness.ContentPath, file)), line => line.EndsWith(" " + mutant.SeedName, StringComparison.Ordinal)) + 1);
        foreach (var error in report.Errors.Where(error => !imageLines.TryGetValue(error.File, out var line) || error.Line != line
            || !error.Message.StartsWith($"The picture '{mutant.SeedName}' cannot be shown: ", StringComparison.Ordinal)))
        {
            problems.Add($"an error not at a line naming the picture ({string.Join(", ", imageLines.Select(pair => $"{pair.Key}:{pair.Value}"))}): {error}");
        }

        await using var db = harness.CreateDbContext();
        var served = await db.Articles.Select(article => article.SourceFile).ToListAsync(TestContext.Current.CancellationToken);
        var expected = FrozenContent.ArticleFileNames.Select(name => $"{ContentFolder.ArticlesFolderName}/{name}")
            .Where(file => report.Errors.Count == 0 || !naming.Contains(file)).Order(StringComparer.Ordinal);
        if (!served.Order(StringComparer.Ordinal).SequenceEqual(expected))
        {
            problems.Add($"served {string.Join(", ", served)} after {report.Errors.Count} errors");
        }

        var hash = PictureCodec.HashOf(mutant.Bytes);
        if (report.Errors.Count == 0 && !await db.PictureSources.AnyAsync(source => source.Hash == hash, TestContext.Current.CancellationToken))
        {
            problems.Add("imported without errors, but the mutated picture's renditions cannot be made");
        }

        return problems;
    }

    private static void Save(PictureMutant mutant, IEnumerable<FuzzProblem> problems)
    {
        Directory.CreateDirectory(MutantImport.ResultsFolder);
        var file = Path.Combine(MutantImport.ResultsFolder, $"seed-{mutant.Seed}-picture-mutant-{mutant.Index}.bin");
        File.WriteAllBytes(file, mutant.Bytes);
        File.WriteAllText(file + ".txt", $"{mutant}\n\n{string.Join("\n", problems)}\n");
    }

    private static string Describe(FuzzSettings settings, List<(PictureMutant Mutant, IReadOnlyList<FuzzProblem> Problems)> failures)
    {
        var text = new StringBuilder($"{failures.Count} of {settings.Mutants} picture mutants (seed {settings.Seed}) broke the invariant; they are in {MutantImport.ResultsFolder}.\n\nBy class:\n");
        foreach (var group in failures.SelectMany(failure => failure.Problems.Select(problem => (problem.Class, failure.Mutant.Index))).GroupBy(pair => pair.Class).OrderByDescending(group => group.Count()))
        {
            text.Append($"  {group.Count()} × {group.Key} (mutants {string.Join(", ", group.Select(pair => pair.Index).Distinct().Take(8))})\n");
        }

        text.Append("\nFirst failures:\n");
        foreach (var (mutant, problems) in failures.Take(15))
        {
            text.Append($"- {mutant}\n  {string.Join("\n  ", problems)}\n");
        }

        return text.ToString();
    }
}
