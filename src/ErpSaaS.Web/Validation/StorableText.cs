using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ErpSaaS.Web.Validation;

/// <summary>
/// PostgreSQL text cannot hold U+0000 and Npgsql cannot encode half of a UTF-16 surrogate pair, so such text fails
/// inside the driver wherever it lands (a search, a saved column). This finds it in a request first, by the name the
/// client gave the field, so it is refused as a field error instead.
/// </summary>
public static class StorableText
{
    private static readonly object RefusedKey = new();

    private static readonly SearchValues<char> Suspects =
        SearchValues.Create(string.Concat("\0", new string(Enumerable.Range(0xD800, 0x800).Select(c => (char)c).ToArray())));

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        // Ordinary text has neither a NUL nor a surrogate (emoji are pairs): one vectorized pass answers for it.
        var first = text.IndexOfAny(Suspects);
        if (first < 0) return true;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c)) return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
        }
        return true;
    }

    /// <summary>Whether the request's text was refused, so the page shows the messages instead of changing anything.</summary>
    public static bool WasRefused(HttpContext http) => http.Items.ContainsKey(RefusedKey);

    public static void MarkRefused(HttpContext http) => http.Items[RefusedKey] = true;

    /// <summary>
    /// The names of the query, route and form values (and, with <paramref name="includeJsonBody"/>, the JSON paths of
    /// body strings, "lines[2].comment") that hold unstorable text.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindUnstorableFieldsAsync(HttpRequest request, bool includeJsonBody)
    {
        var fields = new List<string>();
        foreach (var (key, values) in request.Query) AddIfUnstorable(fields, key, values);
        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && !IsStorable(text)) fields.Add(Printable(key));
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, values) in form) AddIfUnstorable(fields, key, values);
        }
        if (includeJsonBody && request.HasJsonContentType())
        {
            await AddUnstorableJsonFieldsAsync(fields, request);
        }
        return fields.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void AddIfUnstorable(List<string> fields, string key, Microsoft.Extensions.Primitives.StringValues values)
    {
        if (!IsStorable(key) || values.Any(v => v is not null && !IsStorable(v))) fields.Add(Printable(key));
    }

    /// <summary>A field name fit to be a key of the answer, even when the name itself was the unstorable text.</summary>
    private static string Printable(string key)
    {
        if (IsStorable(key)) return key;
        var printable = new StringBuilder(key.Length);
        foreach (var rune in key.EnumerateRunes())
        {
            printable.Append(rune.Value == 0 ? Rune.ReplacementChar : rune);
        }
        return printable.ToString();
    }

    private static async Task AddUnstorableJsonFieldsAsync(List<string> fields, HttpRequest request)
    {
        // Buffered so the endpoint still reads the body; ordinary bodies only pay for the copy and two vectorized scans.
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var body = copy.GetBuffer().AsMemory(0, (int)copy.Length);
        if (Utf8.IsValid(body.Span) && !HasSuspectEscape(body.Span)) return;
        AddUnstorableJsonFields(fields, body.Span);
    }

    /// <summary>Whether the JSON escapes a NUL or a surrogate ("\u0000", "\ud800"): the only ways valid UTF-8 JSON spells them.</summary>
    private static bool HasSuspectEscape(ReadOnlySpan<byte> json)
    {
        var rest = json;
        for (var at = rest.IndexOf("\\u"u8); at >= 0; at = rest.IndexOf("\\u"u8))
        {
            var digits = rest[(at + 2)..];
            if (digits.Length >= 4 && System.Buffers.Text.Utf8Parser.TryParse(digits[..4], out ushort code, out var consumed, 'x') && consumed == 4
                && (code == 0 || code is >= 0xD800 and <= 0xDFFF))
            {
                return true;
            }
            rest = digits;
        }
        return false;
    }

    private sealed class Level(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
    }

    private static void AddUnstorableJsonFields(List<string> fields, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var levels = new List<Level>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        levels.RemoveAt(levels.Count - 1);
                        continue;
                    case JsonTokenType.PropertyName:
                        var storable = TryReadStorable(ref reader, out var name);
                        levels[^1].Property = storable ? name : Encoding.UTF8.GetString(reader.ValueSpan);
                        if (!storable) fields.Add(PathOf(levels));
                        continue;
                }
                if (levels.Count > 0 && levels[^1].IsArray) levels[^1].Index++;
                if (reader.TokenType == JsonTokenType.String && !TryReadStorable(ref reader, out _)) fields.Add(PathOf(levels));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) levels.Add(new Level(reader.TokenType == JsonTokenType.StartArray));
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the endpoint's own binding answers that, with what was found so far refused first.
        }
    }

    private static bool TryReadStorable(ref Utf8JsonReader reader, out string? text)
    {
        try
        {
            text = reader.GetString();
            return text is null || IsStorable(text);
        }
        catch (InvalidOperationException)
        {
            // GetString refuses an escaped lone surrogate and invalid UTF-8 outright.
            text = null;
            return false;
        }
    }

    private static string PathOf(List<Level> levels)
    {
        var path = new StringBuilder();
        foreach (var level in levels)
        {
            if (level.IsArray)
            {
                if (level.Index >= 0) path.Append('[').Append(level.Index).Append(']');
            }
            else if (level.Property is not null)
            {
                if (path.Length > 0) path.Append('.');
                path.Append(level.Property);
            }
        }
        return path.Length == 0 ? "body" : path.ToString();
    }
}
