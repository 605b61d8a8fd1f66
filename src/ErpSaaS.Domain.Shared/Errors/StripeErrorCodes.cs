namespace ErpSaaS.Errors;

/// <summary>Business errors of payments through Stripe; messages are "Error:{code}" in Stripe.json.</summary>
public static class StripeErrorCodes
{
    /// <summary>Stripe is not configured on this installation (no secret key): pay by bank transfer.</summary>
    public const string NotConfigured = "Stripe:NotConfigured";

    /// <summary>The card was declined or could not be charged; {0} is Stripe's message to the customer.</summary>
    public const string CardDeclined = "Stripe:CardDeclined";

    /// <summary>Stripe refused a request the user can correct (a wrong value); {0} is Stripe's message.</summary>
    public const string InvalidRequest = "Stripe:InvalidRequest";

    /// <summary>Stripe could not be reached or failed; the user may try again later.</summary>
    public const string Unavailable = "Stripe:Unavailable";

    /// <summary>The plan has no Stripe price for the chosen interval.</summary>
    public const string PlanHasNoPrice = "Stripe:PlanHasNoPrice";
}
