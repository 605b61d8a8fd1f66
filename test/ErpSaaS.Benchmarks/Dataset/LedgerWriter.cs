using ErpSaaS.Inventory;
using Npgsql;
using NpgsqlTypes;

namespace ErpSaaS.Benchmarks.Dataset;

/// <summary>
/// Streams one company's stock history into PostgreSQL with binary COPY: per product, movements in posting order,
/// each valued with the application's own arithmetic (<see cref="StockValuationMath"/>, moving average, one pool per
/// product for the company), while the balances, warehouse totals and pools are summed on the side and written after
/// the ledger. So the generated history is exactly what posting the same movements one by one would have left.
/// </summary>
internal sealed class LedgerWriter(NpgsqlBinaryImporter ledger, NpgsqlBinaryImporter valuations, Random random, Guid tenantId)
{
    private long _documents;

    public List<BalanceRow> Balances { get; } = [];
    public List<PoolRow> Pools { get; } = [];
    public long EntriesWritten { get; private set; }

    /// <summary>
    /// Writes the product's history: an opening receipt in each of its warehouses, then <paramref name="movements"/>
    /// receipts and issues at the given times (ascending), never taking a warehouse below zero.
    /// </summary>
    public void WriteProduct(ProductPlan product, IReadOnlyList<DateTimeOffset> times, decimal openingQuantity, Func<Random, bool> isReceipt)
    {
        var onHand = new decimal[product.Warehouses.Count];
        var values = new decimal[product.Warehouses.Count];
        var pool = new ValuationPool(0m, 0m, product.StandardCost);
        for (var i = 0; i < times.Count; i++)
        {
            var at = times[i];
            var slot = i < product.Warehouses.Count ? i : random.Next(product.Warehouses.Count);
            decimal quantity;
            decimal? unitCost = null;
            string sourceType;
            if (i < product.Warehouses.Count)
            {
                quantity = openingQuantity;
                unitCost = CostNear(product.StandardCost);
                sourceType = StockSourceTypes.Opening;
            }
            else if (onHand[slot] < 1m || isReceipt(random))
            {
                quantity = random.Next(2, 51) * 10m;
                unitCost = CostNear(product.StandardCost);
                sourceType = "PurchaseReceipt";
            }
            else
            {
                quantity = -Math.Min(onHand[slot], random.Next(1, 41));
                sourceType = "SalesDelivery";
            }
            var value = StockValuationMath.MovingAverageValue(pool, quantity, unitCost);
            var entryCost = StockValuationMath.UnitCostOf(value, quantity, unitCost);
            pool = StockValuationMath.After(pool, quantity, value, entryCost);
            onHand[slot] += quantity;
            values[slot] += value;
            WriteEntry(product, product.Warehouses[slot], at, quantity, entryCost, value, unitCost is not null, pool, sourceType);
        }
        for (var slot = 0; slot < product.Warehouses.Count; slot++)
        {
            Balances.Add(new BalanceRow(product.Id, product.Warehouses[slot], onHand[slot], values[slot]));
        }
        Pools.Add(new PoolRow(product.Id, pool, times[^1]));
    }

    // Purchase prices wander around the standard cost (±10 %), with 4 decimals as suppliers quote them.
    private decimal CostNear(decimal standardCost) => Math.Round(standardCost * (0.9m + (decimal)random.NextDouble() * 0.2m), 4);

    private void WriteEntry(
        ProductPlan product, Guid warehouseId, DateTimeOffset at, decimal quantity, decimal unitCost, decimal value, bool isCostGiven, ValuationPool after, string sourceType)
    {
        var document = ++_documents;
        var id = SeededIds.NewV7(random, at);
        ledger.StartRow();
        ledger.Write(id, NpgsqlDbType.Uuid);
        ledger.Write(tenantId, NpgsqlDbType.Uuid);
        ledger.Write(product.Id, NpgsqlDbType.Uuid);
        ledger.Write(warehouseId, NpgsqlDbType.Uuid);
        ledger.Write(StockConsts.NoLocation, NpgsqlDbType.Uuid);
        ledger.Write(StockConsts.NoBatch, NpgsqlDbType.Varchar);
        ledger.WriteNull();
        ledger.Write(quantity, NpgsqlDbType.Numeric);
        ledger.Write(isCostGiven, NpgsqlDbType.Boolean);
        ledger.Write(StockConsts.CompanyWide, NpgsqlDbType.Uuid);
        ledger.Write(sourceType, NpgsqlDbType.Varchar);
        ledger.Write(SeededIds.NewV7(random, at), NpgsqlDbType.Uuid);
        ledger.Write($"GEN-{document:D8}", NpgsqlDbType.Varchar);
        ledger.Write(1, NpgsqlDbType.Integer);
        ledger.Write(at, NpgsqlDbType.TimestampTz);
        ledger.Write(at, NpgsqlDbType.TimestampTz);
        ledger.WriteNull();
        valuations.StartRow();
        valuations.Write(id, NpgsqlDbType.Uuid);
        valuations.Write(tenantId, NpgsqlDbType.Uuid);
        valuations.Write(unitCost, NpgsqlDbType.Numeric);
        valuations.Write(value, NpgsqlDbType.Numeric);
        valuations.Write(after.Quantity, NpgsqlDbType.Numeric);
        valuations.Write(after.Value, NpgsqlDbType.Numeric);
        EntriesWritten++;
    }

    public const string CopyCommand = """
        COPY stock_ledger_entries (id, tenant_id, product_id, warehouse_id, location_id, batch_number, expiry_date, quantity,
            is_cost_given, valuation_key, source_type, source_id, source_number, source_line, posted_at, created_at, user_id)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Each entry's valuation row (same id), streamed at the same time on a second connection.</summary>
    public const string ValuationsCopyCommand = """
        COPY stock_entry_valuations (id, tenant_id, unit_cost, value, quantity_after, value_after) FROM STDIN (FORMAT BINARY)
        """;
}

/// <summary>A product with stock: where it is kept (opening order) and what it normally costs.</summary>
internal sealed record ProductPlan(Guid Id, IReadOnlyList<Guid> Warehouses, decimal StandardCost);

internal sealed record BalanceRow(Guid ProductId, Guid WarehouseId, decimal OnHand, decimal Value);

internal sealed record PoolRow(Guid ProductId, ValuationPool Pool, DateTimeOffset LastPostedAt);
