using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ErpSaaS.Web.Tests.Infrastructure;

/// <summary>
/// Browses the app like a user: follows redirects, keeps cookies, and submits forms the way a browser does,
/// with every field the page rendered (the antiforgery token included) plus the values the test types in.
/// </summary>
public sealed class ErpBrowser(HttpClient client, CookieContainer cookies) : IDisposable
{
    public const string LoginFormSelector = "form#login-form";

    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    /// <summary>The browser's cookie jar (per host, like a real browser's).</summary>
    public CookieContainer Cookies => cookies;

    public async Task<ErpPage> GetAsync(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        return await ReadAsync(response);
    }

    /// <summary>
    /// Submits the form matched by <paramref name="formSelector"/> on <paramref name="page"/>. Field names are the
    /// rendered names ("Input.UserName"); a checkbox given "true" is ticked, "false" unticked. When
    /// <paramref name="submitSelector"/> names a button, its formaction and name/value apply, as in a browser.
    /// <paramref name="files"/> fill file inputs by name; a form with enctype="multipart/form-data" is posted as multipart.
    /// </summary>
    public async Task<ErpPage> SubmitAsync(ErpPage page, string formSelector, IReadOnlyDictionary<string, string?>? fields = null,
        string? submitSelector = null, IReadOnlyDictionary<string, (string FileName, byte[] Content)>? files = null)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}:\n{page.Text}");
        var values = FieldsOf(form);
        foreach (var (name, value) in fields ?? new Dictionary<string, string?>())
        {
            values.RemoveAll(v => v.Key == name);
            if (value is not null) values.Add(new(name, value));
        }
        var action = form.GetAttribute("action");
        var method = form.GetAttribute("method") ?? "get";
        if (submitSelector is not null)
        {
            var button = form.QuerySelector(submitSelector) ?? page.Document.QuerySelector(submitSelector)
                         ?? throw new InvalidOperationException($"No button '{submitSelector}' in form '{formSelector}'");
            action = button.GetAttribute("formaction") ?? action;
            if (button.GetAttribute("name") is { Length: > 0 } name) values.Add(new(name, button.GetAttribute("value") ?? string.Empty));
        }
        var target = new Uri(page.Url, string.IsNullOrEmpty(action) ? page.Url.PathAndQuery : action);
        if (method.Equals("get", StringComparison.OrdinalIgnoreCase))
        {
            using var query = new FormUrlEncodedContent(Encodable(values));
            return await GetAsync(new UriBuilder(target) { Query = await query.ReadAsStringAsync() }.Uri.ToString());
        }
        if (string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase) || files is not null)
        {
            using var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in values) multipart.Add(new StringContent(value), name);
            foreach (var (name, (fileName, bytes)) in files ?? new Dictionary<string, (string, byte[])>())
            {
                multipart.Add(new ByteArrayContent(bytes), name, fileName);
            }
            using var multipartResponse = await client.PostAsync(target, multipart);
            return await ReadAsync(multipartResponse);
        }
        using var content = new FormUrlEncodedContent(Encodable(values));
        using var response = await client.PostAsync(target, content);
        return await ReadAsync(response);
    }

    /// <summary>Signs in through the login form of the browser's host; <paramref name="company"/> fills the main domain's company field.</summary>
    public async Task<ErpPage> SignInAsync(string userName, string password, string? company = null)
    {
        var login = await GetAsync("/account/login");
        var fields = new Dictionary<string, string?> { ["Input.UserName"] = userName, ["Input.Password"] = password };
        if (company is not null) fields["Input.Company"] = company;
        return await SubmitAsync(login, LoginFormSelector, fields);
    }

    public static async Task<ErpPage> ReadAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var document = Parser.ParseDocument(content);
        return new ErpPage(response.StatusCode, response.RequestMessage!.RequestUri!, document, content,
            response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => client.Dispose();

    private static IEnumerable<KeyValuePair<string?, string?>> Encodable(List<KeyValuePair<string, string>> values) =>
        values.Select(v => new KeyValuePair<string?, string?>(v.Key, v.Value));

    private static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    var type = input.Type.ToLowerInvariant();
                    if (type is "submit" or "button" or "image" or "reset" or "file") break;
                    if (type is "checkbox" or "radio" && !input.IsChecked) break;
                    values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    var selected = select.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.Options.Length > 0) selected.Add(select.Options[0]!);
                    values.AddRange(selected.Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !area.IsDisabled:
                    values.Add(new(area.Name, area.Value));
                    break;
            }
        }
        return values;
    }
}

/// <summary>A response as the test sees it: status, final address after redirects, and the parsed page.</summary>
public sealed record ErpPage(HttpStatusCode StatusCode, Uri Url, IHtmlDocument Document, string Content, string? MediaType)
{
    /// <summary>The page's visible text with whitespace collapsed, for "the page says ..." assertions.</summary>
    public string Text => string.Join(' ', (Document.Body?.TextContent ?? Content)
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The validation message shown next to a field (empty when none).</summary>
    public string FieldError(string fieldName) =>
        Document.QuerySelector($"[data-valmsg-for='{fieldName}']")?.TextContent.Trim() ?? string.Empty;

    /// <summary>The messages of the page's validation summary and alerts.</summary>
    public string Alerts => string.Join(" | ", Document.QuerySelectorAll(".alert, .validation-summary-errors")
        .Select(a => a.TextContent.Trim()));

    public string? ValueOf(string fieldName) =>
        Document.QuerySelector($"[name='{fieldName}']") switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            IHtmlSelectElement select => select.Value,
            _ => null,
        };
}
