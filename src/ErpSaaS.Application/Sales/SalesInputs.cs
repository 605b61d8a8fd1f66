using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory.Documents;

namespace ErpSaaS.Sales;

/// <summary>What quotation and order forms name, checked and looked up: the customer, the warehouse, and each line priced.</summary>
public sealed class SalesInputs(
    ICustomerRepository customers, IWarehouseRepository warehouses, IStockDocumentLookups lookups, IPriceListPricing pricing, ITaxRateRepository taxRates)
{
    public async Task<Customer> CustomerAsync(Guid? customerId, CancellationToken cancellationToken)
    {
        if (customerId is not { } id) throw BusinessException.ForField(nameof(SalesOrderInput.CustomerId), SalesErrorCodes.CustomerRequired);
        return await customers.FindTermsAsync(id, cancellationToken) is { IsActive: true } customer
            ? customer
            : throw BusinessException.ForField(nameof(SalesOrderInput.CustomerId), SalesErrorCodes.CustomerUnknown);
    }

    public async Task<Guid> WarehouseAsync(Guid? warehouseId, CancellationToken cancellationToken)
    {
        if (warehouseId is not { } id) throw BusinessException.ForField(nameof(SalesOrderInput.WarehouseId), SalesErrorCodes.WarehouseRequired);
        return await warehouses.FindAsync(id, cancellationToken) is { IsActive: true, IsQuarantine: false }
            ? id
            : throw BusinessException.ForField(nameof(SalesOrderInput.WarehouseId), SalesErrorCodes.WarehouseUnknown);
    }

    /// <summary>
    /// The lines as typed, each priced: the price entered, else the customer's price list for the quantity in base units
    /// on the order date (per base unit, times the unit's factor), else the product's sale price; the tax rate is the product's.
    /// </summary>
    public async Task<List<SalesLineDetails>> LinesAsync(Customer customer, IReadOnlyList<SalesOrderLineInput> lines, DateOnly orderDate, CancellationToken cancellationToken)
    {
        SalesRules.CheckLineCount(lines.Count);
        var details = new List<SalesLineDetails>(lines.Count);
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var field = SalesRules.Field(index, nameof(line.Product));
            if (string.IsNullOrWhiteSpace(line.Product)) throw BusinessException.ForField(field, SalesErrorCodes.ProductRequired);
            var product = await lookups.FindProductAsync(line.Product.Trim(), cancellationToken);
            if (product is not { IsActive: true }) throw BusinessException.ForField(field, SalesErrorCodes.ProductUnknown, line.Product.Trim());
            if (!product.IsStocked) throw BusinessException.ForField(field, SalesErrorCodes.ProductNotStocked, product.Code);
            var quantity = line.Quantity ?? throw BusinessException.ForField(SalesRules.Field(index, nameof(line.Quantity)), SalesErrorCodes.QuantityRequired);
            SalesRules.CheckQuantity(quantity, SalesRules.Field(index, nameof(line.Quantity)));
            var unit = string.IsNullOrWhiteSpace(line.Unit) ? product.BaseUnit : line.Unit.Trim().ToUpperInvariant();
            if (!product.Units.Contains(unit, StringComparer.Ordinal))
            {
                throw BusinessException.ForField(SalesRules.Field(index, nameof(line.Unit)), SalesErrorCodes.UnitNotConvertible, product.Code, unit);
            }
            var unitPrice = line.UnitPrice ?? decimal.Round(
                (await pricing.GetPriceAsync(customer, product, product.ToBaseQuantity(quantity, unit), orderDate, cancellationToken)).UnitPrice * product.FactorOf(unit),
                SalesConsts.UnitPriceScale, MidpointRounding.AwayFromZero);
            var taxRate = product.TaxRateId is { } taxRateId && await taxRates.FindAsync(taxRateId, cancellationToken) is { } rate ? rate.Rate : 0m;
            details.Add(new SalesLineDetails(product, quantity, unit, unitPrice, line.DiscountPercent ?? 0m, taxRate, line.PromisedDate));
        }
        return details;
    }
}
