namespace Impala.Discovery.Web.Features.Admin;

/// <summary>
/// Settings of the browser editor at /admin/ (section Discovery:Admin): which git host keeps the content and how
/// editors log in there. README, "Publishing from a browser", says what an administrator sets up at the host.
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Discovery:Admin";

    /// <summary>github, gitlab or gitea: Decap CMS's backend of that name.</summary>
    public string Backend { get; set; } = "github";

    /// <summary>owner/name of the repository that holds the content.</summary>
    public string Repository { get; set; } = "";

    /// <summary>The branch the site publishes from; the editorial workflow opens its pull requests against it.</summary>
    public string Branch { get; set; } = "main";

    /// <summary>The API of a self-hosted GitLab or Gitea (https://git.example.org/api/v1); empty for github.com and gitlab.com.</summary>
    public string ApiRoot { get; set; } = "";

    /// <summary>GitHub: the OAuth provider's address (base_url); GitLab: the instance (base_url) for its PKCE login.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>GitLab and Gitea: the OAuth application's id at the host.</summary>
    public string AppId { get; set; } = "";

    /// <summary>Where the content folder is inside the repository: "content" in this one, "" in a repository of its own.</summary>
    public string ContentFolder { get; set; } = "content";

    /// <summary>
    /// decap-server's address, for an editor on a laptop (and the tests): the editor uses it instead of the git host
    /// when the page is opened on localhost and it answers. Empty: none.
    /// </summary>
    public string LocalBackendUrl { get; set; } = "";

    /// <summary>The origins the editor's scripts talk to, for the Content-Security-Policy of /admin/.</summary>
    public IEnumerable<string> Origins()
    {
        var api = ApiRoot.Length > 0 ? ApiRoot : Backend switch
        {
            "github" => "https://api.github.com",
            "gitlab" => "https://gitlab.com",
            _ => "",
        };
        return new[] { api, BaseUrl, LocalBackendUrl }
            .Where(url => Uri.TryCreate(url, UriKind.Absolute, out _))
            .Select(url => new Uri(url).GetLeftPart(UriPartial.Authority))
            .Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
