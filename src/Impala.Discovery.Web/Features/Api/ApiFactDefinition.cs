using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>One key of a kind's facts schema, as kinds.yml declares it; <c>type</c> is one of kinds.yml's type names.</summary>
public sealed record ApiFactDefinition(string Key, string Type, bool Required)
{
    public static ApiFactDefinition From(FactDefinition fact) => new(fact.Key, ApiFact.TypeName(fact.Type), fact.Required);
}
