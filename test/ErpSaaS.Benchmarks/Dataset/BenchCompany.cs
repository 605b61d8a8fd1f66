namespace ErpSaaS.Benchmarks.Dataset;

/// <summary>The generated company as the scenarios need it: who posts, where, and which products play which part.</summary>
public sealed record BenchCompany(
    string DatabaseName,
    DatasetShape Shape,
    int Seed,
    Guid TenantId,
    Guid AdminUserId,
    IReadOnlyList<Guid> Warehouses,
    Guid DeepProductId,
    IReadOnlyList<Guid> HotProductIds)
{
    public const string DeepProductCode = "DEEP-01";
    public static string HotProductCode(int index) => $"HOT-{index + 1:D2}";
    public static string WarehouseCode(int index) => $"WH{index + 1:D2}";
    public static string ProductCode(int index) => $"SKU-{index + 1:D6}";
}
