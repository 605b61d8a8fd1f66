using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Sales;

/// <summary>Who changes a sales document and when: the user, the moment (UTC) and the company's calendar date then.</summary>
public sealed record SalesActor(Guid? UserId, string? UserName, DateTimeOffset At, DateOnly Today);

/// <summary>
/// One step of a sales document's timeline (单据轨迹): the status reached, who moved it there, when and why. Each
/// document keeps its steps in a table of its own (orders, deliveries, invoices).
/// </summary>
public abstract class SalesEvent : Entity, IMultiTenant
{
    protected SalesEvent() { }

    protected SalesEvent(Guid documentId, string status, SalesActor actor, string? comment)
    {
        DocumentId = documentId;
        Status = status;
        At = actor.At;
        UserId = actor.UserId;
        UserName = actor.UserName;
        Comment = comment is { Length: > SalesConsts.MaxCommentLength } ? comment[..SalesConsts.MaxCommentLength] : comment;
    }

    public Guid? TenantId { get; private set; }
    public Guid DocumentId { get; private set; }

    /// <summary>The status name of the document's own status enum.</summary>
    public string Status { get; private set; } = null!;
    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string? Comment { get; private set; }
}

public sealed class SalesOrderEvent : SalesEvent
{
    private SalesOrderEvent() { }
    internal SalesOrderEvent(Guid documentId, SalesOrderStatus status, SalesActor actor, string? comment) : base(documentId, status.ToString(), actor, comment) { }

    /// <summary>A timeline entry that is not a status change (see <see cref="SalesConsts.BackOrderedEvent"/>).</summary>
    internal SalesOrderEvent(Guid documentId, string kind, SalesActor actor, string? comment) : base(documentId, kind, actor, comment) { }
}

public sealed class SalesDeliveryEvent : SalesEvent
{
    private SalesDeliveryEvent() { }
    internal SalesDeliveryEvent(Guid documentId, SalesDeliveryStatus status, SalesActor actor, string? comment) : base(documentId, status.ToString(), actor, comment) { }
}

public sealed class SalesInvoiceEvent : SalesEvent
{
    private SalesInvoiceEvent() { }
    internal SalesInvoiceEvent(Guid documentId, SalesInvoiceStatus status, SalesActor actor, string? comment) : base(documentId, status.ToString(), actor, comment) { }
}

/// <summary>The rules every sales line and header follows: comments, quantities, prices and the rounding of amounts.</summary>
public static class SalesRules
{
    public static string Field(int index, string name) => $"Lines[{index}].{name}";

    /// <summary>A quantity as people write it: 25, not the stored 25.0000.</summary>
    public static decimal Plain(decimal quantity) => quantity / 1.0000000000000000000000000000m;

    public static string? Comment(string? comment, string field = "Comment")
    {
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (trimmed is { Length: > SalesConsts.MaxCommentLength }) throw BusinessException.ForField(field, SalesErrorCodes.CommentTooLong, SalesConsts.MaxCommentLength);
        return trimmed;
    }

    public static void CheckLineCount(int count)
    {
        if (count == 0) throw BusinessException.ForField("Lines", SalesErrorCodes.LinesRequired);
        if (count > SalesConsts.MaxLines) throw BusinessException.ForField("Lines", SalesErrorCodes.TooManyLines, SalesConsts.MaxLines);
    }

    public static void CheckQuantity(decimal quantity, string field)
    {
        if (quantity <= 0m) throw BusinessException.ForField(field, SalesErrorCodes.QuantityMustBePositive);
        if (decimal.Round(quantity, SalesConsts.QuantityScale) != quantity || quantity >= 100_000_000_000_000m)
        {
            throw BusinessException.ForField(field, SalesErrorCodes.QuantityTooPrecise, SalesConsts.QuantityScale);
        }
    }

    /// <summary>Money to the cent, half away from zero: every line is rounded on its own and totals add the rounded lines.</summary>
    public static decimal Money(decimal amount) => decimal.Round(amount, SalesConsts.AmountScale, MidpointRounding.AwayFromZero);
}
