using ErpSaaS.Billing.Stripe;
using ErpSaaS.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Billing;

public static class ErpStripeModule
{
    /// <summary>
    /// Stripe: the REST client (a typed HttpClient), webhook verification and receipt, and the outbox handler that
    /// applies events. Registered whether or not keys are configured; <see cref="StripeOptions.IsConfigured"/> says
    /// whether card payment is offered.
    /// </summary>
    public static IServiceCollection AddErpStripe(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.Section));
        services.AddHttpClient<StripeClient>((sp, http) =>
        {
            var apiBase = sp.GetRequiredService<IOptions<StripeOptions>>().Value.ApiBase;
            http.BaseAddress = new Uri(apiBase.EndsWith('/') ? apiBase : apiBase + "/");
            http.Timeout = TimeSpan.FromSeconds(30);
        });
        services.AddSingleton<StripeSignatureVerifier>();
        services.AddScoped<StripeWebhookReceiver>();
        services.AddOutboxHandler<StripeEventProcessor>();
        // Card payment on the billing page; it says it is unavailable while no keys are configured.
        services.Replace(ServiceDescriptor.Scoped<ICheckoutProvider, StripeCheckoutProvider>());
        return services;
    }
}
