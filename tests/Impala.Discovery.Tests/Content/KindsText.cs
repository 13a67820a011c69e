namespace Impala.Discovery.Tests.Content;

/// <summary>A new kind written the way an editor would add it to content/kinds.yml.</summary>
public static class KindsText
{
    /// <summary>One item of the <c>kinds:</c> list, indented as in content/kinds.yml.</summary>
    public const string ManagersKind = """
          - key: managers
            singular: Manager
            plural: Managers
            colour: "#0369a1"
            intro: People who look after artists.
            facts:
              - { key: Country, type: country, required: true }
              - { key: Founded, type: year }
              - { key: Artists, type: list }
        """;

    /// <summary>
    /// A kinds.yml grown the way content/README.md documents, kinds of <paramref name="facts"/> facts each (a country, a
    /// city, then years and texts), keys <c>kind-001</c> on.
    /// </summary>
    public static string Grown(int kinds, int facts) => "kinds:\n" + string.Concat(Enumerable.Range(1, kinds).Select(kind => $$"""
          - key: kind-{{kind:000}}
            singular: Kind {{kind}}
            plural: Kinds {{kind}}
            colour: "#0f766e"
            intro: A kind of entry declared for growth, number {{kind}}.
            caption: City, Country
            facts:
              - { key: Country, type: country, required: true }
              - { key: City, type: text }

        """ + string.Concat(Enumerable.Range(3, facts - 2).Select(fact => $"      - {{ key: Fact {fact}, type: {(fact % 3 == 0 ? "year" : "text")} }}\n"))));

    /// <summary>A whole kinds.yml that declares only managers.</summary>
    public const string OnlyManagers = "kinds:\n" + ManagersKind;
}
