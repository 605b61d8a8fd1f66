using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Signup;

public static class ErpSignupModule
{
    /// <summary>Pricing and sign-up, the one-time welcome sign-in, and the sample data of the foundation.</summary>
    public static IServiceCollection AddErpSignup(this IServiceCollection services)
    {
        services.AddScoped<ISignupAppService, SignupAppService>();
        services.AddScoped<WelcomeSignInTokens>();
        services.AddScoped<ISampleDataContributor, CompanySampleData>();
        services.AddSingleton<ErpSaaS.Billing.SubscriptionLifecycle>();
        return services;
    }
}
