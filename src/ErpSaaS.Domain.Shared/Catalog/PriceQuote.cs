namespace ErpSaaS.Catalog;

/// <summary>Where a quoted price comes from.</summary>
public enum PriceSource
{
    /// <summary>A line of the customer's price list valid on the day.</summary>
    PriceList = 0,

    /// <summary>The product's own sale price, in the company's base currency: the customer has no list price for it.</summary>
    ProductSalePrice = 1,
}

/// <summary>
/// The unit price (per base unit, before tax) a customer pays for a product at a quantity on a day, in
/// <see cref="Currency"/>; <see cref="PriceListId"/> and <see cref="MinimumQuantity"/> name the price list line used.
/// </summary>
public sealed record PriceQuote(decimal UnitPrice, string Currency, PriceSource Source, Guid? PriceListId, decimal? MinimumQuantity);
