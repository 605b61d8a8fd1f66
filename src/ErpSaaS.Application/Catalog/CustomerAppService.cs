using ErpSaaS.Common;
using ErpSaaS.Permissions;

namespace ErpSaaS.Catalog;

/// <summary>Read side of customers in the current tenant: projections with paging, sorting and filtering in SQL.</summary>
public interface ICustomerQueries
{
    Task<PagedResult<CustomerDto>> GetListAsync(CustomerListQuery query, CancellationToken cancellationToken = default);
    Task<CustomerDetailDto?> FindAsync(Guid id, CancellationToken cancellationToken = default);
}

public sealed class CustomerAppService(
    IPermissionChecker permissions, ICustomerQueries queries, ICustomerRepository customers, CustomerManager manager,
    CurrencyManager currencies, IUnitOfWork unitOfWork) : ICustomerAppService
{
    public async Task<PagedResult<CustomerDto>> GetListAsync(CustomerListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForScreen();
        return await queries.GetListAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<CustomerDto>> ExportAsync(CustomerListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForExport();
        return (await queries.GetListAsync(query, cancellationToken)).Items;
    }

    public async Task<CustomerDetailDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await queries.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Customer), id);
    }

    public async Task<Guid> CreateAsync(CustomerInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var currency = string.IsNullOrWhiteSpace(input.Currency) ? await currencies.GetBaseCurrencyAsync(ct) : input.Currency;
            var customer = await manager.CreateAsync(input.Code, input.Name, currency, ct);
            await ApplyAsync(customer, input, ct);
            return customer.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, CustomerInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var customer = await LoadAsync(id, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            customer.Rename(input.Name);
            if (!string.IsNullOrWhiteSpace(input.Currency)) await manager.ChangeCurrencyAsync(customer, input.Currency, ct);
            await ApplyAsync(customer, input, ct);
            return true;
        }, cancellationToken);
    }

    public Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, c => { if (c.IsActive) c.Deactivate(); }, cancellationToken);

    public Task ActivateAsync(Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, c => { if (!c.IsActive) c.Activate(); }, cancellationToken);

    public async Task<Guid> AddContactAsync(Guid id, ContactInput input, CancellationToken cancellationToken = default)
    {
        var added = Guid.Empty;
        await ChangeAsync(id, c => added = c.AddContact(input.Name, input.Phone, input.Email, input.Role, input.IsPrimary).Id, cancellationToken);
        return added;
    }

    public Task UpdateContactAsync(Guid id, Guid contactId, ContactInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, c => c.UpdateContact(contactId, input.Name, input.Phone, input.Email, input.Role, input.IsPrimary), cancellationToken);

    public Task RemoveContactAsync(Guid id, Guid contactId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, c => c.RemoveContact(contactId), cancellationToken);

    public async Task<Guid> AddAddressAsync(Guid id, AddressInput input, CancellationToken cancellationToken = default)
    {
        var added = Guid.Empty;
        await ChangeAsync(id, c => added = c.AddAddress(input.Kind, input.Text, input.IsDefault).Id, cancellationToken);
        return added;
    }

    public Task UpdateAddressAsync(Guid id, Guid addressId, AddressInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, c => c.UpdateAddress(addressId, input.Kind, input.Text, input.IsDefault), cancellationToken);

    public Task RemoveAddressAsync(Guid id, Guid addressId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, c => c.RemoveAddress(addressId), cancellationToken);

    private async Task ApplyAsync(Customer customer, CustomerInput input, CancellationToken cancellationToken)
    {
        customer.ChangeGrade(input.Grade);
        customer.ChangeTaxId(input.TaxId);
        customer.ChangeCreditTerms(input.CreditLimit, input.PaymentTermsDays);
        await manager.AssignPriceListAsync(customer, input.PriceListId, cancellationToken);
    }

    private async Task ChangeAsync(Guid id, Action<Customer> change, CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var customer = await LoadAsync(id, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            change(customer);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    private async Task<Customer> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await customers.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Customer), id);
}
