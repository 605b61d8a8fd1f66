using System.Net;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Billing.Stripe;

/// <summary>
/// Stripe answered with its error envelope <c>{"error":{"type","code","message","param"}}</c>, or could not be
/// reached (<see cref="StatusCode"/> null). <see cref="ToBusinessException"/> turns the errors a user can act on
/// into our business errors.
/// </summary>
public sealed class StripeException : Exception
{
    public StripeException(HttpStatusCode? statusCode, string? type, string? code, string message, string? param = null,
        string? requestId = null, Exception? inner = null)
        : base($"Stripe {(statusCode is { } s ? (int)s : 0)} {type}/{code}: {message}", inner)
    {
        StatusCode = statusCode;
        Type = type;
        Code = code;
        StripeMessage = message;
        Param = param;
        RequestId = requestId;
    }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>api_error, card_error, idempotency_error, invalid_request_error (or null when unreachable).</summary>
    public string? Type { get; }
    public string? Code { get; }
    public string StripeMessage { get; }
    public string? Param { get; }
    public string? RequestId { get; }

    public bool IsCardError => Type == "card_error";
    public bool IsInvalidRequest => Type == "invalid_request_error";

    /// <summary>
    /// Card errors and invalid requests carry a message meant for the customer (next to the field Stripe names);
    /// anything else (Stripe down, our key wrong) reads as "try again later" and keeps its details in the log.
    /// </summary>
    public BusinessException ToBusinessException()
    {
        if (IsCardError) return Param is { Length: > 0 } field
            ? BusinessException.ForField(field, StripeErrorCodes.CardDeclined, StripeMessage)
            : new BusinessException(StripeErrorCodes.CardDeclined, StripeMessage);
        if (IsInvalidRequest && StatusCode is not HttpStatusCode.Unauthorized) return Param is { Length: > 0 } param
            ? BusinessException.ForField(param, StripeErrorCodes.InvalidRequest, StripeMessage)
            : new BusinessException(StripeErrorCodes.InvalidRequest, StripeMessage);
        return new BusinessException(StripeErrorCodes.Unavailable);
    }
}
