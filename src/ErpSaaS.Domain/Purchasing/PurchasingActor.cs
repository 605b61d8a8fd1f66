using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Purchasing;

/// <summary>Who changes a purchasing document and when: the user, the moment (UTC) and the company's calendar date then.</summary>
public sealed record PurchasingActor(Guid? UserId, string? UserName, DateTimeOffset At, DateOnly Today);

/// <summary>
/// One step of a purchasing document's timeline (单据轨迹): the status it reached (or kept, for a recorded fact such as a
/// supplier's confirmed date), who did it, when and why.
/// </summary>
public abstract class PurchasingEvent<TStatus> : Entity, IMultiTenant where TStatus : struct, Enum
{
    protected PurchasingEvent() { }

    protected PurchasingEvent(Guid documentId, TStatus status, PurchasingActor actor, string? comment)
    {
        DocumentId = documentId;
        Status = status;
        At = actor.At;
        UserId = actor.UserId;
        UserName = actor.UserName;
        Comment = comment;
    }

    public Guid? TenantId { get; private set; }
    public Guid DocumentId { get; private set; }
    public TStatus Status { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string? Comment { get; private set; }
}

/// <summary>The rules every purchasing document shares about free text and line fields.</summary>
public static class PurchasingRules
{
    public static string Field(int index, string name) => $"Lines[{index}].{name}";

    public static string? Comment(string? comment, string field = "Comment")
    {
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (trimmed is { Length: > PurchasingConsts.MaxCommentLength })
        {
            throw BusinessException.ForField(field, PurchasingErrorCodes.CommentTooLong, PurchasingConsts.MaxCommentLength);
        }
        return trimmed;
    }

    /// <summary>Cancelling, closing or rejecting needs a reason: the timeline tells later readers why.</summary>
    public static string Reason(string? reason, string field = "Reason")
    {
        if (string.IsNullOrWhiteSpace(reason)) throw BusinessException.ForField(field, PurchasingErrorCodes.ReasonRequired);
        var trimmed = reason.Trim();
        if (trimmed.Length > PurchasingConsts.MaxReasonLength)
        {
            throw BusinessException.ForField(field, PurchasingErrorCodes.ReasonTooLong, PurchasingConsts.MaxReasonLength);
        }
        return trimmed;
    }

    public static void CheckLineCount(int count)
    {
        if (count == 0) throw BusinessException.ForField("Lines", PurchasingErrorCodes.LinesRequired);
        if (count > PurchasingConsts.MaxLines) throw BusinessException.ForField("Lines", PurchasingErrorCodes.TooManyLines, PurchasingConsts.MaxLines);
    }

    /// <summary>A quantity as people write it in a message: 5, not 5.0000.</summary>
    public static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    public static decimal Amount(decimal value) => decimal.Round(value, PurchasingConsts.AmountScale, MidpointRounding.AwayFromZero);
}
