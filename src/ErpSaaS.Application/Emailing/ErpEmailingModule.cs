using ErpSaaS.Emailing;
using ErpSaaS.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Application;

public static class ErpEmailingModule
{
    /// <summary>E-mail through the outbox (<see cref="IEmailQueue"/>), delivered by SMTP or into the development mailbox.</summary>
    public static IServiceCollection AddErpEmailing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.AddScoped<IEmailQueue, EmailQueue>();
        services.AddOutboxHandler<EmailSendHandler>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton(sp => new DevMailbox(
            sp.GetRequiredService<IOptions<EmailOptions>>(),
            sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
