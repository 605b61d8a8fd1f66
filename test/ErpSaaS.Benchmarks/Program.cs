using System.Diagnostics;
using BenchmarkDotNet.Running;
using ErpSaaS.Benchmarks;
using ErpSaaS.Benchmarks.Dataset;
using ErpSaaS.Benchmarks.Measurement;
using ErpSaaS.Benchmarks.Scenarios;
using Npgsql;

// Two kinds of measurement in one app. BenchmarkDotNet (--micro) suits pure in-process code such as the valuation
// arithmetic: it finds the iteration count, isolates the process and reports the noise. The stock scenarios are
// p95 latencies, single multi-second operations and throughput of 32 concurrent posters (or sales clients) against PostgreSQL; those
// are timed here with a Stopwatch around the real calls, with warm-up and percentiles, which says more plainly what
// was measured than wrapping database state changes in BenchmarkDotNet's iteration model.
if (args.Length > 0 && args[0] == "--micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
    return 0;
}

if (args.Contains("--help"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

var log = Console.Out;
var total = Stopwatch.StartNew();
var loadBefore = ResultsReport.LoadAverage();
var results = new List<ScenarioResult>();
var datasets = new List<string>();

if (options.Scenarios.Overlaps(BenchOptions.StockScenarios))
{
    var shape = DatasetShape.Of(options.Scale);
    var generator = new DatasetGenerator(shape, options.Seed, log);
    var company = await generator.EnsureAsync(options.Regenerate);
    datasets.Add(ResultsReport.Describe(company));

    var app = new NpgsqlDataSourceBuilder(BenchEnvironment.AppConnectionString(company.DatabaseName) + ";Maximum Pool Size=40").Build();
    var owner = new NpgsqlDataSourceBuilder(BenchEnvironment.OwnerConnectionString(company.DatabaseName) + ";Command Timeout=3600").Build();
    await using var run = new BenchRun(company, BenchEnvironment.BuildServices(company.DatabaseName), app, owner, log);

    if (options.Scenarios.Contains("page")) results.Add(await new StockOnHandPageScenario(run, warmups: 10, measured: 100).RunAsync(CancellationToken.None));
    if (options.Scenarios.Contains("reorder")) results.Add(await new ReorderScanScenario(run, warmups: 1, measured: 10).RunAsync(CancellationToken.None));
    if (options.Scenarios.Contains("backdated")) results.Add(await new BackdatedReceiptScenario(run, warmups: 1, measured: 2).RunAsync(CancellationToken.None));
    if (options.Scenarios.Contains("concurrency"))
    {
        results.Add(await new ConcurrentPostingScenario(run, posters: 32, TimeSpan.FromSeconds(options.RoundSeconds), options.Rounds).RunAsync(CancellationToken.None));
    }
    if (options.Scenarios.Contains("verify")) results.Add(await new VerificationScenario(run).RunAsync(CancellationToken.None));
}

if (options.Scenarios.Contains(BenchOptions.SalesConfirm))
{
    // A small company of its own (1,000 products), never the stock company: its runs reset their orders and reservations.
    // The stock scenarios' idle pooled connections are closed first: both sales modes open up to 40 each, and PostgreSQL
    // refuses connections beyond its limit (the raw client failed that way when everything ran in one go).
    NpgsqlConnection.ClearAllPools();
    var company = await new SalesDataset(options.Seed, log).EnsureAsync(options.Regenerate);
    datasets.Add(ResultsReport.Describe(company));
    await using var app = new NpgsqlDataSourceBuilder(BenchEnvironment.AppConnectionString(company.DatabaseName) + ";Maximum Pool Size=40").Build();
    await using var owner = new NpgsqlDataSourceBuilder(BenchEnvironment.OwnerConnectionString(company.DatabaseName) + ";Command Timeout=600").Build();
    await using var services = BenchEnvironment.BuildServices(company.DatabaseName);
    results.Add(await new SalesConfirmScenario(company, services, app, owner, log, clients: 32, options.SalesOrdersPerClient, options.Rounds).RunAsync(CancellationToken.None));
}

var title = options.Scenarios.Overlaps(BenchOptions.StockScenarios) ? "Stock benchmarks" : "Sales benchmark";
var report = ResultsReport.Render(title, datasets, results, loadBefore, ResultsReport.LoadAverage(), options.Commit, total.Elapsed);
log.WriteLine();
log.WriteLine(report);
if (options.ResultsFile is { } file) await File.AppendAllTextAsync(file, report + Environment.NewLine);
return results.All(r => r.Met) ? 0 : 1;
