using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>
/// Prices agreed for the customers it is assigned to, in one currency (fixed at creation, so no price is ever read in
/// another currency than it was written in), valid from/to a day (open-ended when empty). A product may have several
/// lines with quantity breaks: the line with the highest minimum quantity not above the ordered quantity applies.
/// </summary>
public sealed class PriceList : AggregateRoot, IMultiTenant
{
    private readonly List<PriceListLine> _lines = [];

    private PriceList() { }

    /// <summary>Use <see cref="PriceListManager"/>, which checks the name is free and the currency is the company's.</summary>
    internal PriceList(string? name, string currency)
    {
        Rename(name);
        CurrencyCode = currency;
        IsActive = true;
    }

    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = null!;
    public string CurrencyCode { get; private set; } = null!;
    public DateOnly? ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public bool IsActive { get; private set; }

    public IReadOnlyCollection<PriceListLine> Lines => _lines.AsReadOnly();

    /// <summary>Use <see cref="PriceListManager"/> to rename, which checks the name is free.</summary>
    internal void Rename(string? name)
    {
        var trimmed = name?.Trim();
        if (trimmed is not { Length: > 0 and <= PriceListConsts.MaxNameLength })
        {
            throw BusinessException.ForField(nameof(Name), PartnerErrorCodes.PriceListNameRequired, PriceListConsts.MaxNameLength);
        }
        Name = trimmed;
    }

    public void ChangeValidity(DateOnly? validFrom, DateOnly? validTo)
    {
        if (validFrom is { } from && validTo is { } to && to < from)
        {
            throw BusinessException.ForField(nameof(ValidTo), PartnerErrorCodes.PriceListValidityInvalid);
        }
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>Whether the list applies on <paramref name="date"/>: active, and the day within its validity (both ends included).</summary>
    public bool AppliesOn(DateOnly date) => IsActive && (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    /// <summary>Use <see cref="PriceListManager"/>, which checks the product exists in the company.</summary>
    internal PriceListLine AddLine(Guid productId, decimal minimumQuantity, decimal unitPrice)
    {
        var line = new PriceListLine(productId, CheckMinimumQuantity(minimumQuantity), CheckUnitPrice(unitPrice));
        EnsureSingleBreak(line.ProductId, line.MinimumQuantity, except: null);
        _lines.Add(line);
        return line;
    }

    /// <summary>Changes the break and price of a line; the product of a line stays (remove it and add another instead).</summary>
    public void UpdateLine(Guid lineId, decimal minimumQuantity, decimal unitPrice)
    {
        var line = FindLine(lineId);
        var quantity = CheckMinimumQuantity(minimumQuantity);
        var price = CheckUnitPrice(unitPrice);
        EnsureSingleBreak(line.ProductId, quantity, except: line);
        line.Change(quantity, price);
    }

    public void RemoveLine(Guid lineId) => _lines.Remove(FindLine(lineId));

    /// <summary>
    /// The line of <paramref name="productId"/> with the highest minimum quantity not above <paramref name="quantity"/>,
    /// or null when the list has no price for that product and quantity.
    /// </summary>
    public PriceListLine? LineFor(Guid productId, decimal quantity) =>
        _lines.Where(l => l.ProductId == productId && l.MinimumQuantity <= quantity).MaxBy(l => l.MinimumQuantity);

    private void EnsureSingleBreak(Guid productId, decimal minimumQuantity, PriceListLine? except)
    {
        if (_lines.Any(l => !ReferenceEquals(l, except) && l.ProductId == productId && l.MinimumQuantity == minimumQuantity))
        {
            throw BusinessException.ForField(nameof(PriceListLine.MinimumQuantity), PartnerErrorCodes.PriceListLineDuplicate, minimumQuantity);
        }
    }

    private PriceListLine FindLine(Guid lineId) =>
        _lines.Find(l => l.Id == lineId) ?? throw new EntityNotFoundException(nameof(PriceListLine), lineId);

    private static decimal CheckMinimumQuantity(decimal quantity) =>
        quantity >= 0 && quantity < 100_000_000_000_000m && decimal.Round(quantity, PriceListConsts.QuantityScale) == quantity
            ? quantity
            : throw BusinessException.ForField(nameof(PriceListLine.MinimumQuantity), PartnerErrorCodes.MinimumQuantityInvalid, PriceListConsts.QuantityScale);

    internal static decimal CheckUnitPrice(decimal price, string field = nameof(PriceListLine.UnitPrice)) =>
        price >= 0 && price < 1_000_000_000_000m && decimal.Round(price, PriceListConsts.UnitPriceScale) == price
            ? price
            : throw BusinessException.ForField(field, PartnerErrorCodes.UnitPriceInvalid, PriceListConsts.UnitPriceScale);
}

/// <summary>One price of a product in a price list, from a minimum quantity on (0 = any quantity).</summary>
public sealed class PriceListLine : Entity, IMultiTenant
{
    private PriceListLine() { }

    internal PriceListLine(Guid productId, decimal minimumQuantity, decimal unitPrice)
    {
        ProductId = productId;
        Change(minimumQuantity, unitPrice);
    }

    public Guid? TenantId { get; private set; }
    public Guid PriceListId { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal MinimumQuantity { get; private set; }

    /// <summary>Per base unit of the product, in the list's currency, before tax.</summary>
    public decimal UnitPrice { get; private set; }

    internal void Change(decimal minimumQuantity, decimal unitPrice)
    {
        MinimumQuantity = minimumQuantity;
        UnitPrice = unitPrice;
    }
}
