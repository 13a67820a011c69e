using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>One group of "related" entries on an entry's page, such as "Also in London".</summary>
public sealed record RelatedGroup(string Id, string Heading, IReadOnlyList<EntryCard> Entries);
