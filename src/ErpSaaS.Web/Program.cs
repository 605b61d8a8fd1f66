using ErpSaaS.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddErpWeb();

var app = builder.Build();
await app.InitializeErpDatabaseAsync();
app.UseErpWeb();
await app.RunAsync();

/// <summary>Entry point; public so the functional tests can host it.</summary>
public partial class Program;
