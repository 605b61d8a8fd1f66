using System.Globalization;

namespace ErpSaaS.Benchmarks;

/// <summary>Command line of the scenario run (see README.md); anything unknown is refused with the usage.</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        Stock and sales benchmarks against generated companies (see test/ErpSaaS.Benchmarks/README.md).
          --scale <0..1>        fraction of the issue's company (default 1: 50 k products, 10 M entries); 0.01 for a quick run
          --seed <n>            generator seed (default 20261121); same seed and scale reuse the generated database
          --regenerate          generate the database again even if one with this seed and scale exists
          --only <list>         scenarios to run, comma-separated: page,backdated,reorder,concurrency,verify,sales-confirm (default all)
          --round-seconds <n>   length of one concurrency round per mode (default 20)
          --rounds <n>          concurrency and sales-confirm rounds per mode (default 2)
          --sales-orders <n>    drafts each of the 32 sales clients confirms per round (default 20)
          --results <file>      also append the markdown results to this file
          --commit <sha>        commit the figures belong to, printed with them
          --micro [args]        run the BenchmarkDotNet micro-benchmarks instead (remaining args go to BenchmarkDotNet)
        """;

    public static readonly string[] AllScenarios = ["page", "backdated", "reorder", "concurrency", "verify", SalesConfirm];

    /// <summary>The scenarios on the generated stock company (the sales scenario has a small company of its own).</summary>
    public static readonly string[] StockScenarios = ["page", "backdated", "reorder", "concurrency", "verify"];

    public const string SalesConfirm = "sales-confirm";

    public double Scale { get; init; } = 1;
    public int Seed { get; init; } = 20261121;
    public bool Regenerate { get; init; }
    public IReadOnlySet<string> Scenarios { get; init; } = AllScenarios.ToHashSet();
    public int RoundSeconds { get; init; } = 20;
    public int Rounds { get; init; } = 2;
    public int SalesOrdersPerClient { get; init; } = 20;
    public string? ResultsFile { get; init; }
    public string? Commit { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--scale" => options with { Scale = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--regenerate" => options with { Regenerate = true },
                "--only" => options with { Scenarios = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() },
                "--round-seconds" => options with { RoundSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rounds" => options with { Rounds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--sales-orders" => options with { SalesOrdersPerClient = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--results" => options with { ResultsFile = Next() },
                "--commit" => options with { Commit = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        if (options.Scenarios.Except(AllScenarios).FirstOrDefault() is { } unknown) throw new ArgumentException($"Unknown scenario {unknown}.\n{Usage}");
        return options;
    }
}
