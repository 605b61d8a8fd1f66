using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Numbering;

namespace ErpSaaS.Purchasing;

/// <summary>What one order line was asked for; empty price, tax or date take the defaults.</summary>
public sealed record PurchaseOrderLineRequest(string? Product, decimal? Quantity, string? Unit, decimal? UnitPrice, Guid? TaxRateId, DateOnly? ExpectedDate);

/// <summary>What one receipt line was asked for, against an order line by number.</summary>
public sealed record GoodsReceiptLineRequest(
    int? OrderLineNumber, decimal? AcceptedQuantity, decimal? RejectedQuantity, string? RejectReason, RejectedGoodsDisposition Disposition,
    string? BatchNumber, DateOnly? ExpiryDate);

/// <summary>
/// Purchasing's rules that look elsewhere: numbers from the company's sequences, suppliers and warehouses that exist,
/// line defaults (price: last paid to this supplier, else the supplier's list price, else the product's standard cost;
/// tax: the product's; expected date: today + the supplier's lead time for the product), and receipts against orders.
/// </summary>
public sealed class PurchasingManager(
    IPurchasingRepository repository, IPurchasingLookups lookups, IStockDocumentLookups stockLookups, IDocumentNumberGenerator numbers)
{
    public async Task<PurchaseOrder> CreateOrderAsync(Guid requestId, Guid? supplierId, Guid? warehouseId, string? comment,
        IReadOnlyList<PurchaseOrderLineRequest> lines, PurchasingActor actor, CancellationToken cancellationToken = default)
    {
        var supplier = await SupplierAsync(supplierId, cancellationToken);
        var warehouse = await WarehouseAsync(warehouseId, nameof(PurchaseOrder.WarehouseId), cancellationToken);
        var details = await ResolveOrderLinesAsync(supplier, lines, actor.Today, cancellationToken);
        var order = new PurchaseOrder(await numbers.NextAsync(DocumentTypes.PurchaseOrder, cancellationToken), requestId, supplier, warehouse.Id, comment, actor);
        order.Change(warehouse.Id, comment, details, actor);
        repository.Add(order);
        return order;
    }

    public async Task ChangeOrderAsync(PurchaseOrder order, Guid? warehouseId, string? comment, IReadOnlyList<PurchaseOrderLineRequest> lines,
        PurchasingActor actor, CancellationToken cancellationToken = default)
    {
        var supplier = await SupplierAsync(order.SupplierId, cancellationToken);
        var warehouse = await WarehouseAsync(warehouseId, nameof(PurchaseOrder.WarehouseId), cancellationToken);
        order.Change(warehouse.Id, comment, await ResolveOrderLinesAsync(supplier, lines, order.OrderDate, cancellationToken), actor);
    }

    /// <summary>
    /// Replaces an approved order by a draft copy (same supplier, warehouse, lines; expected on the supplier's confirmed
    /// date where there is one, never before today) and cancels the original with the reason: the copy is changed and
    /// approved like any new order.
    /// </summary>
    public async Task<PurchaseOrder> AmendOrderAsync(PurchaseOrder order, string? reason, PurchasingActor actor, CancellationToken cancellationToken = default)
    {
        PurchasingRules.Reason(reason);
        order.EnsureAmendable();
        var supplier = await SupplierAsync(order.SupplierId, cancellationToken);
        var details = new List<PurchaseOrderLineDetails>(order.Lines.Count);
        foreach (var line in order.Lines.OrderBy(l => l.LineNumber))
        {
            var product = await stockLookups.FindProductAsync(line.ProductId, cancellationToken) ?? throw new EntityNotFoundException(nameof(Product), line.ProductId);
            var taxRate = line.TaxRateId is { } taxRateId ? await lookups.FindTaxRateAsync(taxRateId, cancellationToken) : null;
            var due = order.DueOn(line);
            details.Add(new PurchaseOrderLineDetails(product, line.Quantity, line.Unit, line.UnitPrice, taxRate, due < actor.Today ? actor.Today : due));
        }
        var replacement = new PurchaseOrder(await numbers.NextAsync(DocumentTypes.PurchaseOrder, cancellationToken), Guid.CreateVersion7(), supplier, order.WarehouseId, order.Comment, actor);
        replacement.Change(order.WarehouseId, order.Comment, details, actor);
        order.AmendInto(replacement, reason, actor);
        repository.Add(replacement);
        return replacement;
    }

    public async Task<PurchaseRequisition> CreateRequisitionAsync(Guid requestId, Guid? warehouseId, string? comment,
        IReadOnlyList<(string? Product, decimal? Quantity, DateOnly? NeededBy, string? Reason)> lines, PurchasingActor actor, CancellationToken cancellationToken = default)
    {
        var warehouse = await WarehouseAsync(warehouseId, nameof(PurchaseRequisition.WarehouseId), cancellationToken);
        PurchasingRules.CheckLineCount(lines.Count);
        var details = new List<RequisitionLineDetails>(lines.Count);
        for (var index = 0; index < lines.Count; index++)
        {
            var (code, quantity, neededBy, reason) = lines[index];
            var product = await ProductAsync(code, PurchasingRules.Field(index, "Product"), cancellationToken);
            details.Add(new RequisitionLineDetails(product,
                quantity ?? throw BusinessException.ForField(PurchasingRules.Field(index, "Quantity"), PurchasingErrorCodes.QuantityRequired),
                neededBy ?? actor.Today.AddDays(product.LeadTimeDays), reason));
        }
        var requisition = new PurchaseRequisition(await numbers.NextAsync(DocumentTypes.PurchaseRequisition, cancellationToken), requestId, warehouse.Id, comment, actor);
        requisition.Change(comment, details, actor);
        repository.Add(requisition);
        return requisition;
    }

    /// <summary>A draft requisition for one product a document line is short of, remembering that line (the caller checked it has none yet).</summary>
    public async Task<PurchaseRequisition> CreateRequisitionForAsync(Guid warehouseId, string productCode, decimal quantity, DateOnly neededBy, string reason,
        string sourceType, Guid sourceId, string sourceNumber, int sourceLine, PurchasingActor actor, CancellationToken cancellationToken = default)
    {
        var requisition = await CreateRequisitionAsync(Guid.CreateVersion7(), warehouseId, reason,
            [(productCode, quantity, neededBy < actor.Today ? actor.Today : neededBy, reason)], actor, cancellationToken);
        requisition.RaisedFor(sourceType, sourceId, sourceNumber, sourceLine);
        return requisition;
    }

    /// <summary>
    /// Turns an approved requisition's open lines into draft purchase orders, one per each product's preferred supplier,
    /// priced from that supplier's list (lead time from it too); lines whose product has no preferred supplier stay open.
    /// </summary>
    public async Task<RequisitionConversion> ConvertAsync(PurchaseRequisition requisition, PurchasingActor actor, CancellationToken cancellationToken = default)
    {
        var open = requisition.LinesToOrder();
        var bySupplier = new Dictionary<Guid, List<(PurchaseRequisitionLine Line, Product Product, SupplierProduct Listing)>>();
        var without = new List<string>();
        foreach (var line in open)
        {
            var product = (await ProductsAsync([line.ProductId], cancellationToken))[line.ProductId];
            if (await lookups.FindPreferredListingAsync(line.ProductId, cancellationToken) is not { } listing
                || await lookups.FindSupplierAsync(listing.SupplierId, cancellationToken) is not { IsActive: true })
            {
                without.Add(product.Code);
                continue;
            }
            if (!bySupplier.TryGetValue(listing.SupplierId, out var group)) bySupplier[listing.SupplierId] = group = [];
            group.Add((line, product, listing));
        }
        var orders = new List<PurchaseOrder>();
        var ordered = new Dictionary<int, (Guid, string)>();
        foreach (var (supplierId, group) in bySupplier)
        {
            var supplier = await SupplierAsync(supplierId, cancellationToken);
            var lines = group.Select(g => new PurchaseOrderLineRequest(g.Product.Code, g.Line.Quantity, g.Product.BaseUnit,
                g.Listing.CurrencyCode == supplier.CurrencyCode ? g.Listing.Price : null, null, null)).ToList();
            var order = await CreateOrderAsync(Guid.CreateVersion7(), supplierId, requisition.WarehouseId, requisition.Number, lines, actor, cancellationToken);
            orders.Add(order);
            foreach (var (line, _, _) in group) ordered[line.LineNumber] = (order.Id, order.Number);
        }
        if (ordered.Count > 0) requisition.RecordOrdered(ordered, actor);
        return new RequisitionConversion(orders, without);
    }

    /// <summary>The defaults a new line for <paramref name="product"/> from <paramref name="supplier"/> takes.</summary>
    public async Task<PurchaseLineDefaults> DefaultsAsync(Supplier supplier, Product product, DateOnly today, CancellationToken cancellationToken = default)
    {
        var listing = await lookups.FindSupplierProductAsync(supplier.Id, product.Id, cancellationToken);
        var last = await lookups.FindLastPriceAsync(supplier.Id, product.Id, cancellationToken);
        // A price in another currency than the supplier's (an old listing) is no default: the buyer types one.
        decimal? basePrice = last is { } paid && paid.Currency == supplier.CurrencyCode ? paid.BaseUnitPrice
            : listing is not null && listing.CurrencyCode == supplier.CurrencyCode ? listing.Price
            : product.StandardCost;
        var leadTime = listing?.EffectiveLeadTimeDays(supplier) ?? supplier.DefaultLeadTimeDays;
        var tax = product.TaxRateId is { } taxId ? await lookups.FindTaxRateAsync(taxId, cancellationToken) : null;
        return new PurchaseLineDefaults(basePrice ?? 0m, tax, today.AddDays(leadTime));
    }

    public async Task<GoodsReceipt> CreateReceiptAsync(Guid requestId, PurchaseOrder order, Guid? quarantineWarehouseId, string? comment,
        IReadOnlyList<GoodsReceiptLineRequest> lines, PurchasingActor actor, CancellationToken cancellationToken = default)
    {
        var receipt = new GoodsReceipt(await numbers.NextAsync(DocumentTypes.GoodsReceipt, cancellationToken), requestId, order, comment, actor);
        if (lines.Count > 0) await ChangeReceiptAsync(receipt, order, quarantineWarehouseId, comment, lines, actor, cancellationToken);
        repository.Add(receipt);
        return receipt;
    }

    public async Task ChangeReceiptAsync(GoodsReceipt receipt, PurchaseOrder order, Guid? quarantineWarehouseId, string? comment,
        IReadOnlyList<GoodsReceiptLineRequest> lines, PurchasingActor actor, CancellationToken cancellationToken = default)
    {
        var quarantine = quarantineWarehouseId is { } id ? await WarehouseAsync(id, nameof(GoodsReceipt.QuarantineWarehouseId), cancellationToken) : null;
        var details = new List<GoodsReceiptLineDetails>(lines.Count);
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var orderLine = order.Line(line.OrderLineNumber ?? 0, PurchasingRules.Field(index, nameof(line.OrderLineNumber)));
            var product = await stockLookups.FindProductAsync(orderLine.ProductId, cancellationToken)
                          ?? throw BusinessException.ForField(PurchasingRules.Field(index, nameof(line.OrderLineNumber)), PurchasingErrorCodes.ProductUnknown, orderLine.ProductId);
            details.Add(new GoodsReceiptLineDetails(product, orderLine, line.AcceptedQuantity ?? 0m, line.RejectedQuantity ?? 0m, line.RejectReason,
                line.Disposition, line.BatchNumber, line.ExpiryDate));
        }
        receipt.Change(quarantine, comment, details, actor);
    }

    /// <summary>A scanned barcode (or a typed product code) adds to the receipt line of the order line ordering that product.</summary>
    public async Task<GoodsReceiptLine> ScanAsync(GoodsReceipt receipt, PurchaseOrder order, string? barcode, decimal? quantity, PurchasingActor actor,
        CancellationToken cancellationToken = default)
    {
        const string field = "Barcode";
        if (string.IsNullOrWhiteSpace(barcode)) throw BusinessException.ForField(field, PurchasingErrorCodes.ProductRequired);
        var product = await stockLookups.FindProductAsync(barcode.Trim(), cancellationToken)
                      ?? throw BusinessException.ForField(field, PurchasingErrorCodes.BarcodeUnknown, barcode.Trim());
        // Of several lines for one product, the first with something still to come takes the scan.
        var orderLine = order.Lines.Where(l => l.ProductId == product.Id).OrderBy(l => l.OpenQuantity > 0m ? 0 : 1).ThenBy(l => l.LineNumber).FirstOrDefault()
                        ?? throw BusinessException.ForField(field, PurchasingErrorCodes.BarcodeNotOnOrder, product.Code, order.Number);
        return receipt.AddScanned(product, orderLine, quantity ?? 1m, actor);
    }

    public async Task<Product> ProductAsync(string? codeOrBarcode, string field, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(codeOrBarcode)) throw BusinessException.ForField(field, PurchasingErrorCodes.ProductRequired);
        var product = await stockLookups.FindProductAsync(codeOrBarcode.Trim(), cancellationToken);
        if (product is not { IsActive: true }) throw BusinessException.ForField(field, PurchasingErrorCodes.ProductUnknown, codeOrBarcode.Trim());
        return product;
    }

    public async Task<Supplier> SupplierAsync(Guid? supplierId, CancellationToken cancellationToken = default)
    {
        const string field = nameof(PurchaseOrder.SupplierId);
        if (supplierId is not { } id) throw BusinessException.ForField(field, PurchasingErrorCodes.SupplierRequired);
        return await lookups.FindSupplierAsync(id, cancellationToken) is { IsActive: true } supplier
            ? supplier
            : throw BusinessException.ForField(field, PurchasingErrorCodes.SupplierUnknown);
    }

    public async Task<Warehouse> WarehouseAsync(Guid? warehouseId, string field, CancellationToken cancellationToken = default)
    {
        if (warehouseId is not { } id) throw BusinessException.ForField(field, PurchasingErrorCodes.WarehouseRequired);
        return await stockLookups.FindWarehouseAsync(id, cancellationToken) is { IsActive: true } warehouse
            ? warehouse
            : throw BusinessException.ForField(field, PurchasingErrorCodes.WarehouseUnknown);
    }

    public async Task<Dictionary<Guid, Product>> ProductsAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var products = new Dictionary<Guid, Product>();
        foreach (var id in ids.Distinct())
        {
            products[id] = await stockLookups.FindProductAsync(id, cancellationToken) ?? throw new BusinessException(PurchasingErrorCodes.ProductUnknown, id);
        }
        return products;
    }

    private async Task<List<PurchaseOrderLineDetails>> ResolveOrderLinesAsync(Supplier supplier, IReadOnlyList<PurchaseOrderLineRequest> lines, DateOnly today,
        CancellationToken cancellationToken)
    {
        PurchasingRules.CheckLineCount(lines.Count);
        var details = new List<PurchaseOrderLineDetails>(lines.Count);
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var product = await ProductAsync(line.Product, PurchasingRules.Field(index, nameof(line.Product)), cancellationToken);
            var quantity = line.Quantity ?? throw BusinessException.ForField(PurchasingRules.Field(index, nameof(line.Quantity)), PurchasingErrorCodes.QuantityRequired);
            var unit = StockLineRules.UnitOf(product, line.Unit, index);
            var defaults = await DefaultsAsync(supplier, product, today, cancellationToken);
            TaxRate? tax = defaults.TaxRate;
            if (line.TaxRateId is { } taxRateId)
            {
                tax = await lookups.FindTaxRateAsync(taxRateId, cancellationToken) is { IsActive: true } chosen
                    ? chosen
                    : throw BusinessException.ForField(PurchasingRules.Field(index, nameof(line.TaxRateId)), PurchasingErrorCodes.TaxRateUnknown);
            }
            var unitPrice = line.UnitPrice ?? decimal.Round(defaults.BaseUnitPrice * product.FactorOf(unit), PurchasingConsts.UnitPriceScale, MidpointRounding.AwayFromZero);
            details.Add(new PurchaseOrderLineDetails(product, quantity, unit, unitPrice, tax, line.ExpectedDate ?? defaults.ExpectedDate));
        }
        return details;
    }
}

/// <summary>What converting a requisition made: the orders (one per supplier) and the products no supplier is preferred for.</summary>
public sealed record RequisitionConversion(IReadOnlyList<PurchaseOrder> Orders, IReadOnlyList<string> ProductsWithoutSupplier);

/// <summary>A new line's defaults: the price of one base unit in the supplier's currency, the tax rate and the expected date.</summary>
public sealed record PurchaseLineDefaults(decimal BaseUnitPrice, TaxRate? TaxRate, DateOnly ExpectedDate);

/// <summary>
/// Posts goods receipts and keeps on-order stock in step with orders, inside the caller's transaction: the receipt says
/// what came in, the order books it (refusing over-receipts beyond the tolerance), the ledger receives accepted goods into
/// the order's warehouse and quarantined ones into the quarantine warehouse, and what the order still expects is on order.
/// </summary>
public sealed class PurchasingPosting(IStockLedger ledger, IStockSupplies supplies, ICurrencyConverter currencies, PurchasingManager manager)
{
    /// <summary>On order = what each line of an open order still expects, due on the supplier's confirmed date if there is one.</summary>
    public async Task ExpectAsync(PurchaseOrder order, CancellationToken cancellationToken = default)
    {
        if (!order.IsOpen)
        {
            await supplies.CancelAllAsync(PurchasingConsts.PurchaseOrderSource, order.Id, cancellationToken);
            return;
        }
        foreach (var line in order.Lines)
        {
            await supplies.ExpectAsync(new StockSupplyRequest
            {
                SourceType = PurchasingConsts.PurchaseOrderSource, SourceId = order.Id, SourceNumber = order.Number, SourceLine = line.LineNumber,
                ProductId = line.ProductId, WarehouseId = order.WarehouseId, Kind = StockSupplyKind.OnOrder, Quantity = line.OpenQuantity, DueOn = order.DueOn(line),
            }, cancellationToken);
        }
    }

    public async Task PostAsync(GoodsReceipt receipt, PurchaseOrder order, decimal tolerancePercent, PurchasingActor actor, CancellationToken cancellationToken = default)
    {
        var products = await manager.ProductsAsync(receipt.Lines.Select(l => l.ProductId), cancellationToken);
        var rate = await currencies.GetRateAsync(order.CurrencyCode, actor.Today, cancellationToken);
        var posting = receipt.BeginPosting(order, products, tolerancePercent, rate, actor.At);
        IReadOnlyList<PostedMovement> posted = [];
        if (posting.Movements.Count > 0)
        {
            try
            {
                posted = await ledger.PostAsync(posting, cancellationToken);
            }
            catch (BusinessException refused) when (refused.Field is not null)
            {
                throw new BusinessException(refused.Code, [.. refused.Args]);
            }
        }
        receipt.CompletePosting(posted, actor);
        order.UpdateReceiptStatus(actor, receipt.Number);
        await ExpectAsync(order, cancellationToken);
    }
}
