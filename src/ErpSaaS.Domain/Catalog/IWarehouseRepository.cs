namespace ErpSaaS.Catalog;

/// <summary>Warehouses of the current tenant.</summary>
public interface IWarehouseRepository
{
    Task<Warehouse?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default);
    Task<int> CountActiveAsync(CancellationToken cancellationToken = default);
    void Add(Warehouse warehouse);
}
