using ErpSaaS.EntityFrameworkCore.Numbering;
using ErpSaaS.Numbering;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore;

public static class ErpNumberingModule
{
    /// <summary>Document numbers from per-tenant patterns (<see cref="IDocumentNumberGenerator"/>).</summary>
    public static IServiceCollection AddErpNumbering(this IServiceCollection services) =>
        services.AddScoped<IDocumentNumberGenerator, DocumentNumberGenerator>();
}
