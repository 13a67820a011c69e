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

    /// <summary>A whole kinds.yml that declares only managers.</summary>
    public const string OnlyManagers = "kinds:\n" + ManagersKind;
}
