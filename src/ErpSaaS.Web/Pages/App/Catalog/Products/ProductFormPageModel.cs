using ErpSaaS.Catalog;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Products;

/// <summary>What the create and edit pages share: the input, the choices offered, and saving with row errors in place.</summary>
public abstract class ProductFormPageModel(IProductAppService products) : AdminPageModel
{
    /// <summary>Empty rows offered after the conversions and barcodes a product has, to type new ones into.</summary>
    public const int BlankRows = 2;

    [BindProperty]
    public ProductInput Input { get; set; } = new();

    public ProductFormOptionsDto Options { get; private set; } = null!;

    /// <summary>A product's code never changes once created: documents and labels carry it.</summary>
    public virtual bool CodeLocked => false;

    protected IProductAppService Products => products;

    protected async Task LoadOptionsAsync(Guid? productId, CancellationToken cancellationToken)
    {
        Options = await products.GetFormOptionsAsync(productId, cancellationToken);
        while (Input.UnitConversions.Count(c => string.IsNullOrWhiteSpace(c.UnitCode) && c.Factor is null) < BlankRows) Input.UnitConversions.Add(new UnitConversionInput());
        while (Input.Barcodes.Count(string.IsNullOrWhiteSpace) < BlankRows) Input.Barcodes.Add(null);
    }

    /// <summary>
    /// Saves a form that could be read (numbers are numbers). The empty rows are dropped first and the posted values
    /// forgotten, so the page shows the rows that were checked, each with its own message.
    /// </summary>
    protected async Task<bool> TrySaveAsync(Func<Task> save)
    {
        if (!ModelState.IsValid) return false;
        Input.RemoveEmptyRows();
        ModelState.Clear();
        return await TryAsync(save);
    }
}
