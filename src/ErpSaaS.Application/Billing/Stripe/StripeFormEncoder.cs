using System.Globalization;
using System.Text;

namespace ErpSaaS.Billing.Stripe;

/// <summary>
/// Stripe's request bodies: application/x-www-form-urlencoded with nested keys in brackets,
/// <c>line_items[0][price]=price_1&amp;subscription_data[metadata][tenant_id]=…</c>. Values are dictionaries
/// (objects), lists (arrays) or scalars; nulls are left out.
/// </summary>
public static class StripeFormEncoder
{
    public static string Encode(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in values) Flatten(key, value, pairs);
        return string.Join('&', pairs.Select(p => $"{Escape(p.Key)}={Escape(p.Value)}"));
    }

    /// <summary>The flattened pairs, unescaped (what Stripe reads back).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Flatten(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in values) Flatten(key, value, pairs);
        return pairs;
    }

    private static void Flatten(string key, object? value, List<KeyValuePair<string, string>> pairs)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                pairs.Add(new(key, text));
                return;
            case bool flag:
                pairs.Add(new(key, flag ? "true" : "false"));
                return;
            case IEnumerable<KeyValuePair<string, object?>> nested:
                foreach (var (child, childValue) in nested) Flatten($"{key}[{child}]", childValue, pairs);
                return;
            case IEnumerable<KeyValuePair<string, string>> strings:
                foreach (var (child, childValue) in strings) Flatten($"{key}[{child}]", childValue, pairs);
                return;
            case System.Collections.IEnumerable list:
                var index = 0;
                foreach (var item in list) Flatten($"{key}[{index++}]", item, pairs);
                return;
            case IFormattable formattable:
                pairs.Add(new(key, formattable.ToString(null, CultureInfo.InvariantCulture)));
                return;
            default:
                pairs.Add(new(key, value.ToString() ?? ""));
                return;
        }
    }

    // RFC 3986 unreserved characters stay, everything else is percent-encoded as UTF-8 (brackets too).
    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}

/// <summary>Builds a form body in order: <c>new StripeForm { ["mode"] = "subscription" }</c>.</summary>
public sealed class StripeForm : List<KeyValuePair<string, object?>>
{
    public object? this[string key]
    {
        set => Add(new(key, value));
    }

    public static StripeForm Of(params (string Key, object? Value)[] values)
    {
        var form = new StripeForm();
        foreach (var (key, value) in values) form[key] = value;
        return form;
    }

    public override string ToString() => StripeFormEncoder.Encode(this);
}
