namespace Impala.Discovery.Web.Features.Shared;

/// <summary>A fact ready to show: its label and its values, each with a link where one makes sense.</summary>
/// <param name="Key">The fact's name.</param>
/// <param name="Values">Its values as shown.</param>
/// <param name="Numbers">Its values as numbers, as the import read them: years, or a number's low and high ends.</param>
public sealed record FactView(string Key, IReadOnlyList<FactValueView> Values, IReadOnlyList<long>? Numbers = null);
