using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Settings;

namespace ErpSaaS.Analytics;

/// <summary>
/// The exceptions list: each kind computed by the code that already defines it where there is one (supplier lateness
/// from purchasing's supplier figures, approvals past their time limit from the approval engine, stock below safety
/// level and expiring batches from the stock alerts), and the rest (prices, return rates) from set-based queries over
/// the last <see cref="AnalyticsSettings.PeriodDays"/> days against the company's thresholds.
/// </summary>
public sealed class ExceptionListAppService(
    IPermissionChecker permissions, IFeatureChecker features, IAnalyticsQueries queries, IPurchaseInvoiceQueries purchasing, IApprovalDeadlines approvals,
    IStockAlertQueries stockAlerts, StockAlertClock alertClock, ISettingStore settings, TimeProvider clock) : IExceptionListAppService
{
    private static readonly ExceptionKind[] StockKinds = [ExceptionKind.BelowSafetyStock, ExceptionKind.ExpiringBatch];

    public async Task<ExceptionListDto> GetAsync(ExceptionListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Analytics.ExceptionsView, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
        query.ClampForScreen();
        var window = await alertClock.WindowAsync(cancellationToken: cancellationToken);
        var all = await settings.GetAllAsync(cancellationToken);
        decimal Setting(string name) => AnalyticsSettings.ValueOf(name, all.GetValueOrDefault(name));
        var thresholds = new ExceptionThresholdsDto(
            AnalyticsSettings.PeriodDays, Setting(AnalyticsSettings.PriceIncreasePercent), Setting(AnalyticsSettings.SupplierLateRatePercent),
            Setting(AnalyticsSettings.ReturnRatePercent), Setting(AnalyticsSettings.ReturnMinDeliveredQuantity), window.ExpiryWarningDays);
        var today = window.Today;
        var from = today.AddDays(-(AnalyticsSettings.PeriodDays - 1));
        var since = clock.GetUtcNow().AddDays(-AnalyticsSettings.PeriodDays);

        var computed = new Dictionary<ExceptionKind, List<ExceptionDto>>
        {
            [ExceptionKind.PriceAboveAverage] = PricesAboveAverage(await queries.GetPurchasePriceLinesAsync(from, today, cancellationToken), thresholds.PriceIncreasePercent),
            [ExceptionKind.SupplierLate] = LateSuppliers(await purchasing.GetSupplierPerformanceAsync(from, today, null, cancellationToken), thresholds.SupplierLateRatePercent),
            [ExceptionKind.ProductReturnRate] = ReturnRates(ExceptionKind.ProductReturnRate, await queries.GetProductReturnsAsync(since, cancellationToken), thresholds,
                r => "/app/sales/returns?ProductId=" + r.Id),
            [ExceptionKind.CustomerReturnRate] = ReturnRates(ExceptionKind.CustomerReturnRate, await queries.GetCustomerReturnsAsync(since, cancellationToken), thresholds,
                r => "/app/sales/returns?CustomerId=" + r.Id),
            [ExceptionKind.ApprovalOverdue] = [.. (await approvals.GetOverdueAsync(cancellationToken)).Select(a =>
                new ExceptionDto(ExceptionKind.ApprovalOverdue, a.DocumentNumber, a.Summary, a.Url, null, null, null, a.StepName, a.DueAt))],
        };
        var stockCounts = await stockAlerts.CountAsync(window, cancellationToken);
        var counts = computed.ToDictionary(k => k.Key, k => k.Value.Count);
        counts[ExceptionKind.BelowSafetyStock] = stockCounts.GetValueOrDefault(StockAlertKind.BelowSafetyStock);
        counts[ExceptionKind.ExpiringBatch] = stockCounts.GetValueOrDefault(StockAlertKind.ExpiringBatch);

        var kind = query.Kind ?? Enum.GetValues<ExceptionKind>().Where(k => counts.GetValueOrDefault(k) > 0).DefaultIfEmpty(ExceptionKind.PriceAboveAverage).First();
        PagedResult<ExceptionDto> items;
        if (StockKinds.Contains(kind))
        {
            var alertKind = kind == ExceptionKind.BelowSafetyStock ? StockAlertKind.BelowSafetyStock : StockAlertKind.ExpiringBatch;
            var alerts = await stockAlerts.GetListAsync(new StockAlertListQuery { Kind = alertKind, Page = query.Page, PageSize = query.PageSize }, window, cancellationToken);
            items = new PagedResult<ExceptionDto>([.. alerts.Items.Select(a => StockException(kind, alertKind, a))], alerts.TotalCount, alerts.Page, alerts.PageSize);
        }
        else
        {
            var rows = computed[kind];
            items = new PagedResult<ExceptionDto>([.. rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], rows.Count, query.Page, query.PageSize);
        }
        return new ExceptionListDto(today, thresholds, counts, kind, items);
    }

    /// <summary>
    /// Each order line whose price per base unit is more than the threshold above the quantity-weighted average of the
    /// same product's lines (same currency, the line itself included) in the period; the highest first.
    /// </summary>
    private static List<ExceptionDto> PricesAboveAverage(IReadOnlyList<PurchasePriceLineRow> lines, decimal thresholdPercent)
    {
        var result = new List<(ExceptionDto Item, decimal Percent)>();
        foreach (var product in lines.GroupBy(l => (l.ProductId, l.CurrencyCode)))
        {
            if (ExceptionRules.WeightedAverage(product.Select(l => (l.BaseUnitPrice, l.BaseQuantity))) is not { } average) continue;
            foreach (var line in product)
            {
                var percent = ExceptionRules.PercentAbove(line.BaseUnitPrice, average);
                if (!ExceptionRules.Exceeds(percent, thresholdPercent)) continue;
                result.Add((new ExceptionDto(
                    ExceptionKind.PriceAboveAverage, line.OrderNumber, $"{line.ProductCode} {line.ProductName}", "/app/purchasing/orders/" + line.OrderId,
                    Price(line.BaseUnitPrice), Price(average), percent, $"#{line.LineNumber} · {line.SupplierCode} · {line.CurrencyCode}", Date: line.OrderDate), percent!.Value));
            }
        }
        return [.. result.OrderByDescending(r => r.Percent).ThenBy(r => r.Item.Reference, StringComparer.Ordinal).Select(r => r.Item)];
    }

    /// <summary>Suppliers whose late receipts (supplier figures' definition: received after the due date) exceed the threshold share of their receipts.</summary>
    private static List<ExceptionDto> LateSuppliers(IReadOnlyList<SupplierPerformanceDto> suppliers, decimal thresholdPercent) =>
    [
        .. suppliers.Where(s => s.Receipts > 0)
            .Select(s => (Supplier: s, Late: s.Receipts - s.OnTimeReceipts, Percent: SupplierPerformanceMath.Percent(s.Receipts - s.OnTimeReceipts, s.Receipts)))
            .Where(s => ExceptionRules.Exceeds(s.Percent, thresholdPercent))
            .OrderByDescending(s => s.Percent).ThenBy(s => s.Supplier.SupplierCode, StringComparer.Ordinal)
            .Select(s => new ExceptionDto(
                ExceptionKind.SupplierLate, s.Supplier.SupplierCode, s.Supplier.SupplierName,
                "/app/purchasing/supplier-performance?Search=" + Uri.EscapeDataString(s.Supplier.SupplierCode), s.Late, s.Supplier.Receipts, s.Percent, null)),
    ];

    /// <summary>Returned / delivered over the threshold, counted only from the minimum delivered quantity up.</summary>
    private static List<ExceptionDto> ReturnRates(ExceptionKind kind, IReadOnlyList<ReturnFiguresRow> rows, ExceptionThresholdsDto thresholds, Func<ReturnFiguresRow, string> url) =>
    [
        .. rows.Where(r => r.Delivered > 0m && r.Delivered >= thresholds.ReturnMinDeliveredQuantity)
            .Select(r => (Row: r, Percent: SupplierPerformanceMath.Percent(r.Returned, r.Delivered)))
            .Where(r => ExceptionRules.Exceeds(r.Percent, thresholds.ReturnRatePercent))
            .OrderByDescending(r => r.Percent).ThenBy(r => r.Row.Code, StringComparer.Ordinal)
            .Select(r => new ExceptionDto(kind, r.Row.Code, r.Row.Name, url(r.Row), Quantity(r.Row.Returned), Quantity(r.Row.Delivered), r.Percent, null)),
    ];

    private static ExceptionDto StockException(ExceptionKind kind, StockAlertKind alertKind, StockAlertDto alert) =>
        new(kind, alert.ProductCode, alert.ProductName, $"/app/inventory/alerts?Kind={alertKind}&Search={Uri.EscapeDataString(alert.ProductCode)}",
            Quantity(alert.Quantity), alert.Threshold is { } threshold ? Quantity(threshold) : null, null,
            kind == ExceptionKind.ExpiringBatch ? $"{alert.WarehouseCode} · {alert.BatchNumber}" : null, Date: alert.ExpiryDate);

    private static decimal Price(decimal price) => decimal.Round(price, PurchasingConsts.UnitPriceScale, MidpointRounding.AwayFromZero) / 1.000000000000000000m;

    private static decimal Quantity(decimal quantity) => decimal.Round(quantity, PurchasingConsts.QuantityScale, MidpointRounding.AwayFromZero) / 1.0000000000000000000000000000m;
}
