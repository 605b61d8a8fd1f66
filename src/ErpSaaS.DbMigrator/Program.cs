using ErpSaaS.Application;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Applies migrations to the host database and every tenant database, then seeds.
//   --print-model-script   prints the CREATE script of the current EF model (a starting point when writing a migration)
// appsettings.json beside the executable, then environment variables and arguments on top of it.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddErpEntityFrameworkCore(builder.Configuration);
builder.Services.AddErpApplication(builder.Configuration);
builder.Services.AddIdentityCore<ErpSaaS.Identity.AppUser>(ErpSaaS.Identity.ErpIdentityOptions.Configure)
    .AddRoles<ErpSaaS.Identity.AppRole>()
    .AddErpIdentityStores();
using var host = builder.Build();

if (args.Contains("--print-model-script"))
{
    using var scope = host.Services.CreateScope();
    Console.WriteLine(scope.ServiceProvider.GetRequiredService<ErpDbContext>().Database.GenerateCreateScript());
    return 0;
}

var logger = host.Services.GetRequiredService<ILogger<Program>>();
await host.Services.GetRequiredService<ErpDatabaseMigrator>().MigrateAllAsync();
using (var scope = host.Services.CreateScope())
{
    foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>())
    {
        await seeder.SeedAsync();
    }
}
logger.LogInformation("Database migrated and seeded.");
return 0;
