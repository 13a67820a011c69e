// The editor's preview pane shows the article as the site renders it, with the checker's problems at their lines.
// It does not imitate the site: it sends the article's source to the site's preview endpoint (POST /preview, the
// import's own parser and templates) and shows what comes back. On a production site the endpoint is behind the
// editors' token: open /admin/?token=… once and it is kept for this browser tab.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  if (params.get("token")) {
    sessionStorage.setItem("impala-status-token", params.get("token"));
  }
  var token = sessionStorage.getItem("impala-status-token") || "";

  // A value as YAML reads it whatever it holds: a JSON string is a double-quoted YAML scalar.
  function scalar(value) {
    return JSON.stringify(String(value));
  }

  function dateText(value) {
    if (!value) return "";
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return String(value).slice(0, 10);
  }

  // The article file as Decap will save it: front matter, then the body.
  function source(entry) {
    var data = entry.get("data");
    var lines = ["---"];
    ["title", "kind"].forEach(function (key) {
      if (data.get(key)) lines.push(key + ": " + scalar(data.get(key)));
    });
    if (data.get("published")) lines.push("published: " + dateText(data.get("published")));
    if (data.get("summary")) lines.push("summary: " + scalar(data.get("summary")));
    if (data.get("draft")) lines.push("draft: true");
    ["image", "image_alt", "image_credit"].forEach(function (key) {
      if (data.get(key)) lines.push(key + ": " + scalar(data.get(key)));
    });
    var aliases = data.get("aliases");
    if (aliases && aliases.size > 0) lines.push("aliases: [" + aliases.toArray().map(scalar).join(", ") + "]");
    lines.push("---", "", data.get("body") || "");
    return lines.join("\n");
  }

  function slugify(text) {
    return String(text || "untitled").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "untitled";
  }

  // The file name the article has or will have: a saved entry's own, otherwise Decap's slug pattern.
  function fileName(entry) {
    if (entry.get("slug") && !entry.get("newRecord")) return entry.get("slug") + ".md";
    var now = new Date();
    var month = String(now.getMonth() + 1).padStart(2, "0");
    return now.getFullYear() + "-" + month + "-" + slugify(entry.getIn(["data", "title"])) + ".md";
  }

  var ArticlePreview = createClass({
    getInitialState: function () {
      return { html: "", status: "Asking the site for its preview…" };
    },
    componentDidMount: function () {
      this.ask();
    },
    componentDidUpdate: function (previous) {
      if (previous.entry !== this.props.entry) {
        // While typing, ask once the editor pauses.
        clearTimeout(this.timer);
        this.timer = setTimeout(this.ask.bind(this), 400);
      }
    },
    componentWillUnmount: function () {
      clearTimeout(this.timer);
    },
    ask: function () {
      var self = this;
      var text = source(this.props.entry);
      if (text === this.asked) return;
      this.asked = text;
      var headers = { "Content-Type": "text/markdown; charset=utf-8", "X-Preview-File": fileName(this.props.entry) };
      if (token) headers["X-Status-Token"] = token;
      fetch("/preview", { method: "POST", headers: headers, body: text, credentials: "same-origin" })
        .then(function (response) {
          if (response.status === 404) throw new Error("The site refused the preview: open /admin/?token=… with the editors' token.");
          if (response.status === 429) throw new Error("Too many previews at once; the next change will ask again.");
          if (!response.ok) throw new Error("The site answered " + response.status + ".");
          return response.text();
        })
        .then(function (html) {
          if (self.asked !== text) return;
          var page = new DOMParser().parseFromString(html, "text/html");
          var main = page.querySelector("main");
          main.querySelectorAll("script").forEach(function (script) { script.remove(); });
          self.setState({ html: main.innerHTML, status: "" });
        })
        .catch(function (error) {
          self.setState({ status: error.message });
        });
    },
    render: function () {
      return h("div", { className: "impala-preview" },
        this.state.status ? h("p", { className: "preview-status", role: "status" }, this.state.status) : null,
        h("div", { dangerouslySetInnerHTML: { __html: this.state.html } }));
    },
  });

  CMS.registerPreviewStyle("/css/site.css");
  CMS.registerPreviewStyle("/admin/preview.css");
  CMS.registerPreviewTemplate("articles", ArticlePreview);
})();
