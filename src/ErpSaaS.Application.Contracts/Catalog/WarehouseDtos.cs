using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Catalog;

public sealed class WarehouseListQuery : PageRequest
{
    public string? Search { get; set; }

    /// <summary>Also list deactivated warehouses (the list shows active ones by default).</summary>
    public bool IncludeInactive { get; set; }
}

public sealed record WarehouseDto(Guid Id, string Code, string Name, string? Address, bool IsQuarantine, bool IsActive, bool IsDefault);

public sealed class WarehouseInput
{
    [Required, MaxLength(WarehouseConsts.MaxCodeLength)]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(WarehouseConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;

    [MaxLength(WarehouseConsts.MaxAddressLength)]
    public string? Address { get; set; }

    public bool IsQuarantine { get; set; }
}

/// <summary>The company's warehouses: list, create, edit, (de)activate. Reading and writing need the "Catalog" permission.</summary>
public interface IWarehouseAppService
{
    Task<PagedResult<WarehouseDto>> GetListAsync(WarehouseListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<WarehouseDto>> ExportAsync(WarehouseListQuery query, CancellationToken cancellationToken = default);
    Task<WarehouseDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(WarehouseInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes name, address and quarantine flag; the code stays what it was.</summary>
    Task UpdateAsync(Guid id, WarehouseInput input, CancellationToken cancellationToken = default);
    Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task ActivateAsync(Guid id, CancellationToken cancellationToken = default);
}
