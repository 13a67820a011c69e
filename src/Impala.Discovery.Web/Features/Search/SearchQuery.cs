using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// A visitor's query read the way names are written: each word folded as slugs fold, with its transliterated
/// spelling, the joined form of hyphenated or slashed words, the index's words within its typos, and, where words
/// name a place, every other name of that place (content/places.yml).
/// </summary>
public sealed class SearchQuery
{
    // Words beyond this are ignored: no one types more, and each one costs a lookup.
    private const int MaxWords = 12;

    // Typo corrections kept per word: the nearest, which are also the likeliest.
    private const int MaxCorrections = 4;

    private SearchQuery(IReadOnlyList<QuerySlot> slots, IReadOnlyList<QueryAlternative> whole, IReadOnlyList<string> compact, IReadOnlyList<PlaceGroup> places)
    {
        Slots = slots;
        Whole = whole;
        Compact = compact;
        Places = places;
    }

    public IReadOnlyList<QuerySlot> Slots { get; }

    /// <summary>The whole query as one word and its corrections, so "ninja tume" and "ninjatune" still find Ninja Tune.</summary>
    public IReadOnlyList<QueryAlternative> Whole { get; }

    /// <summary>The whole query run together (and transliterated), to compare with names run together.</summary>
    public IReadOnlyList<string> Compact { get; }

    /// <summary>The places the query names.</summary>
    public IReadOnlyList<PlaceGroup> Places { get; }

    public bool IsEmpty => Slots.Count == 0;

    /// <summary>Every word must match (the search page), or any word (what a failed search or a wrong address may have meant).</summary>
    public string ToFts(bool anyWord)
    {
        var slots = string.Join(anyWord ? " OR " : " AND ", Slots.Select(slot => slot.ToFts()));
        return Whole.Count == 0 ? slots : $"({slots}) OR " + string.Join(" OR ", Whole.Select(alternative => alternative.ToFts()));
    }

    public static SearchQuery Parse(string text, PlaceDirectory placeNames, SpellingIndex spelling)
    {
        var typed = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(chunk => SearchText.Words(chunk).Length > 0)
            .Take(MaxWords)
            .ToList();
        var slots = new List<QuerySlot>();
        var places = new List<PlaceGroup>();
        for (var start = 0; start < typed.Count;)
        {
            // The longest run of words that names a place: "great britain" before "britain".
            var place = Enumerable.Range(1, Math.Min(3, typed.Count - start)).Reverse()
                .Select(length => (Length: length, Group: placeNames.Find(string.Join(' ', typed.Skip(start).Take(length)))))
                .FirstOrDefault(found => found.Group is not null);
            var slot = Slot(typed[start], spelling);
            if (place.Group is { } group)
            {
                places.Add(group);
                var names = group.Names.Select(name => new QueryAlternative(SearchText.Words(name), Prefix: false));
                slot = new QuerySlot(string.Join(' ', typed.Skip(start).Take(place.Length)),
                    place.Length == 1 ? [.. slot.Alternatives, .. names] : [.. names]);
                start += place.Length;
            }
            else
            {
                start++;
            }

            slots.Add(slot);
        }

        var joined = string.Concat(typed.SelectMany(SearchText.Words));
        var compact = new[] { joined, SearchText.Transliterated(string.Concat(typed)) is { } transliterated ? SearchText.Compact(transliterated) : joined }
            .Distinct().ToList();
        IReadOnlyList<QueryAlternative> whole = typed.Count > 1 ? [new QueryAlternative([joined], Prefix: true)] : [];
        return new SearchQuery(slots, whole, compact, places);
    }

    /// <summary>
    /// The query with the corrections of its words run together ("ninja tume" as ninjatune): asked for only when the
    /// words alone find nothing, since the longer the word, the more the spelling list has to compare.
    /// </summary>
    public SearchQuery WithWholeCorrections(SpellingIndex spelling)
    {
        if (Whole.Count == 0)
        {
            return this;
        }

        var corrections = spelling.Near(Whole[0].Words[0]).Take(MaxCorrections)
            .Select(near => new QueryAlternative([near.Word], Prefix: false, Typos: near.Typos));
        return new SearchQuery(Slots, [.. Whole, .. corrections], Compact, Places);
    }

    private static QuerySlot Slot(string chunk, SpellingIndex spelling)
    {
        var alternatives = new List<QueryAlternative>();
        void AddSpelling(string written)
        {
            var words = SearchText.Words(written);
            if (words.Length == 0)
            {
                return;
            }

            alternatives.Add(new QueryAlternative(words, Prefix: true));
            if (words.Length > 1)
            {
                // "Sony/BMG", "ninja-tune", "COVID-19": together, run together, or apart ("EMI-Warner" in "EMI and Warner").
                alternatives.Add(new QueryAlternative([string.Concat(words)], Prefix: true));
                alternatives.Add(new QueryAlternative(words, Prefix: true, Phrase: false));
            }
        }

        AddSpelling(chunk);
        // Prose is split at apostrophes by the index ("L'Usine" is l usine there), names are not (lusine).
        AddSpelling(chunk.Replace('\'', ' ').Replace('\u2019', ' ').Replace('\u2018', ' '));
        if (SearchText.Transliterated(chunk) is { } transliterated)
        {
            AddSpelling(transliterated);
        }

        var joined = SearchText.Compact(chunk);
        alternatives.AddRange(spelling.Near(joined).Take(MaxCorrections)
            .Select(near => new QueryAlternative([near.Word], Prefix: false, Typos: near.Typos)));
        return new QuerySlot(chunk, alternatives.Distinct(AlternativeComparer.Instance).ToList());
    }

    private sealed class AlternativeComparer : IEqualityComparer<QueryAlternative>
    {
        public static readonly AlternativeComparer Instance = new();

        public bool Equals(QueryAlternative? x, QueryAlternative? y) => x?.ToFts() == y?.ToFts();

        public int GetHashCode(QueryAlternative alternative) => alternative.ToFts().GetHashCode(StringComparison.Ordinal);
    }
}
