using System.Text;
using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// One mutated content file and where it goes: beside the frozen articles under a new name, in place of the article it
/// was made from, or in place of kinds.yml. Made from (seed, index) alone, so any mutant can be made again by itself.
/// </summary>
public sealed record Mutant(int Seed, int Index, string BaseFile, string Target, string Text, IReadOnlyList<string> Operations, bool SavedAsLatin1 = false)
{
    // Lone surrogates are written as U+FFFD, as an editor would save them, rather than failing the write.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The name a mutant takes beside the frozen articles: valid, and after them in file order.</summary>
    public const string ExtraFile = "articles/2099-12-mutant.md";

    /// <summary>The file's bytes: UTF-8, or Latin-1 when an operation asked for it.</summary>
    public byte[] Bytes => SavedAsLatin1 ? Encoding.Latin1.GetBytes(Text) : Utf8.GetBytes(Text);

    public bool IsKinds => Target == ContentFolder.KindsFileName;

    /// <summary>True when the mutant stands in for the article it was made from, rather than beside it.</summary>
    public bool ReplacesItsOriginal => !IsKinds && Target != ExtraFile;

    public static Mutant Create(int seed, int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var mutator = new TextMutator(random);
        if (random.Next(8) == 0)
        {
            var kinds = File.ReadAllText(Path.Combine(FrozenContent.Path, ContentFolder.KindsFileName));
            return new Mutant(seed, index, ContentFolder.KindsFileName, ContentFolder.KindsFileName, mutator.MutateKinds(kinds), mutator.Operations, mutator.SavedAsLatin1);
        }

        var baseFile = FrozenContent.ArticleFileNames[random.Next(FrozenContent.ArticleFileNames.Count)];
        var target = random.Next(5) < 3 ? ExtraFile : $"{ContentFolder.ArticlesFolderName}/{baseFile}";
        var text = mutator.MutateArticle(FrozenContent.ArticleText(baseFile));
        return new Mutant(seed, index, $"{ContentFolder.ArticlesFolderName}/{baseFile}", target, text, mutator.Operations, mutator.SavedAsLatin1);
    }

    public override string ToString() =>
        $"mutant {Index} of seed {Seed} ({BaseFile} {(IsKinds ? "mutated" : ReplacesItsOriginal ? "mutated in place" : "mutated, as " + Target)}: {string.Join("; ", Operations)})";
}
