namespace ErpSaaS.Web.Shell;

/// <summary>
/// One line of a document's timeline (单据轨迹) as every document page shows it: the status reached (already localized),
/// its badge tone (a Tabler class such as <c>bg-green-lt</c>), who moved it there, when, and why.
/// </summary>
public sealed record DocumentTimelineEntry(string Status, string StatusCode, string Tone, DateTimeOffset At, string? UserName, string? Comment);

/// <summary>The timeline card of a document page; <see cref="Title"/> is already localized.</summary>
public sealed record DocumentTimeline(string Title, IReadOnlyList<DocumentTimelineEntry> Entries);
