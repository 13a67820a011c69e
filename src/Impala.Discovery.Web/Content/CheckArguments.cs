namespace Impala.Discovery.Web.Content;

/// <summary>The words after <c>check</c>, read strictly: anything unknown is a usage mistake, never silently ignored.</summary>
public sealed record CheckArguments(string? Folder, string? Base, bool NoBase, bool Fix, bool GitHub, bool Help)
{
    /// <summary>The options, or null for a usage mistake.</summary>
    public static CheckArguments? Parse(IReadOnlyList<string> arguments)
    {
        var options = new CheckArguments(null, null, false, false, false, false);
        for (var index = 0; index < arguments.Count; index++)
        {
            var argument = arguments[index];
            string? Value() => index + 1 < arguments.Count ? arguments[++index] : null;
            switch (argument)
            {
                case "--help" or "-h" or "-?":
                    options = options with { Help = true };
                    break;
                case "--fix":
                    options = options with { Fix = true };
                    break;
                case "--no-base":
                    options = options with { NoBase = true };
                    break;
                case "--format=github":
                    options = options with { GitHub = true };
                    break;
                case "--format":
                    if (Value() != "github")
                    {
                        return null;
                    }

                    options = options with { GitHub = true };
                    break;
                case "--base":
                    if (Value() is not { Length: > 0 } revision || revision.StartsWith('-'))
                    {
                        return null;
                    }

                    options = options with { Base = revision };
                    break;
                case var flag when flag.StartsWith("--base=", StringComparison.Ordinal) && flag.Length > "--base=".Length:
                    options = options with { Base = flag["--base=".Length..] };
                    break;
                case var other when other.StartsWith('-') || options.Folder is not null:
                    return null;
                default:
                    options = options with { Folder = argument };
                    break;
            }
        }

        return options;
    }
}
