namespace ErpSaaS.Analytics;

/// <summary>A purchase order line as the price check reads it; <see cref="BaseUnitPrice"/> is per base unit in the order's currency.</summary>
public sealed record PurchasePriceLineRow(
    Guid OrderId, string OrderNumber, string SupplierCode, int LineNumber, Guid ProductId, string ProductCode, string ProductName, string CurrencyCode,
    DateOnly OrderDate, decimal BaseUnitPrice, decimal BaseQuantity);

/// <summary>Base units delivered (posted deliveries) and returned (sales returns) for one product or one customer.</summary>
public sealed record ReturnFiguresRow(Guid Id, string Code, string Name, decimal Delivered, decimal Returned);

/// <summary>
/// The exceptions list's own read side over purchasing and sales documents: set-based statements, one per question.
/// Supplier lateness is not here: it comes from purchasing's supplier figures, so both pages agree.
/// </summary>
public interface IAnalyticsQueries
{
    /// <summary>Lines of orders submitted or approved (not drafts, not cancelled) dated from <paramref name="from"/> to <paramref name="to"/>.</summary>
    Task<IReadOnlyList<PurchasePriceLineRow>> GetPurchasePriceLinesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Per product: delivered since <paramref name="since"/> (posted then) and returned since then (recorded then).</summary>
    Task<IReadOnlyList<ReturnFiguresRow>> GetProductReturnsAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Per customer, the same figures.</summary>
    Task<IReadOnlyList<ReturnFiguresRow>> GetCustomerReturnsAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
