using System.Globalization;
using System.Text;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Numbering;

/// <summary>
/// A tenant's pattern for document numbers, such as <c>PO-{yyyyMM}-{0000}</c>: literal text, date tokens
/// ({yyyy}, {yy}, {MM}, {dd}, {yyyyMM}, {yyyyMMdd}) and exactly one counter token ({0000}: zero-padded to
/// as many digits as it has zeros). The counter restarts in every period the date tokens can tell apart;
/// a pattern without date tokens counts forever.
/// </summary>
public sealed class NumberPattern
{
    public const int MaxLength = 48;
    public const int MaxCounterWidth = 12;

    /// <summary>The period key of a pattern without date tokens: one counter for all time.</summary>
    public const string NoPeriod = "all";

    private static readonly string[] DateTokens = ["yyyyMMdd", "yyyyMM", "yyyy", "yy", "MM", "dd"];

    private readonly IReadOnlyList<Segment> _segments;

    private NumberPattern(string text, IReadOnlyList<Segment> segments)
    {
        Text = text;
        _segments = segments;
        var tokens = segments.Where(s => s.Kind == SegmentKind.Date).Select(s => s.Value).ToList();
        HasYear = tokens.Any(t => t.Contains("yy", StringComparison.Ordinal));
        HasMonth = tokens.Any(t => t.Contains("MM", StringComparison.Ordinal));
        HasDay = tokens.Any(t => t.Contains("dd", StringComparison.Ordinal));
    }

    public string Text { get; }
    private bool HasYear { get; }
    private bool HasMonth { get; }
    private bool HasDay { get; }

    /// <summary>Reads a pattern; throws <see cref="BusinessException"/> (<see cref="ErrorCodes.NumberPatternInvalid"/>) when it is not one.</summary>
    public static NumberPattern Parse(string? pattern) =>
        TryParse(pattern, out var parsed) ? parsed : throw new BusinessException(ErrorCodes.NumberPatternInvalid, pattern);

    public static bool IsValid(string? pattern) => TryParse(pattern, out _);

    public static bool TryParse(string? pattern, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NumberPattern? parsed)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > MaxLength) return false;
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        var counters = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '}' || char.IsControl(c)) return false;
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            var close = pattern.IndexOf('}', i + 1);
            if (close < 0) return false;
            var token = pattern[(i + 1)..close];
            if (literal.Length > 0)
            {
                segments.Add(new Segment(SegmentKind.Literal, literal.ToString()));
                literal.Clear();
            }
            if (token.Length is > 0 and <= MaxCounterWidth && token.All(t => t == '0'))
            {
                counters++;
                segments.Add(new Segment(SegmentKind.Counter, token));
            }
            else if (DateTokens.Contains(token, StringComparer.Ordinal))
            {
                segments.Add(new Segment(SegmentKind.Date, token));
            }
            else
            {
                return false;
            }
            i = close;
        }
        if (literal.Length > 0) segments.Add(new Segment(SegmentKind.Literal, literal.ToString()));
        if (counters != 1) return false;
        parsed = new NumberPattern(pattern, segments);
        return true;
    }

    /// <summary>
    /// The counter's period for a local date: the parts of the date the pattern shows (year, month, day),
    /// so two numbers that read differently never share a counter and two that could read alike always do.
    /// </summary>
    public string PeriodKey(DateTime localDate)
    {
        var key = new StringBuilder();
        if (HasYear) key.Append(localDate.Year.ToString("D4", CultureInfo.InvariantCulture));
        if (HasMonth) key.Append('M').Append(localDate.Month.ToString("D2", CultureInfo.InvariantCulture));
        if (HasDay) key.Append('D').Append(localDate.Day.ToString("D2", CultureInfo.InvariantCulture));
        return key.Length == 0 ? NoPeriod : key.ToString();
    }

    public string Format(DateTime localDate, long counter)
    {
        var number = new StringBuilder();
        foreach (var segment in _segments)
        {
            number.Append(segment.Kind switch
            {
                SegmentKind.Literal => segment.Value,
                SegmentKind.Date => localDate.ToString(segment.Value, CultureInfo.InvariantCulture),
                _ => counter.ToString(CultureInfo.InvariantCulture).PadLeft(segment.Value.Length, '0'),
            });
        }
        return number.ToString();
    }

    public override string ToString() => Text;

    private enum SegmentKind
    {
        Literal,
        Date,
        Counter,
    }

    private sealed record Segment(SegmentKind Kind, string Value);
}
