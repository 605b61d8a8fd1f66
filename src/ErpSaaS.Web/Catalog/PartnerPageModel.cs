using System.Globalization;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ErpSaaS.Web.Catalog;

/// <summary>
/// A master-data detail page whose child rows (contacts, addresses, supplied products, prices) are small forms of their
/// own. Each row form posts one prefix ("Contact", "Address" ...); a refused one shows its attempted values and messages
/// in that row only (<see cref="FailedForm"/>), the others show what is saved.
/// </summary>
public abstract class PartnerPageModel : AdminPageModel
{
    /// <summary>The row form the last post was refused in: "contact:new", "contact:{id}", ... (null when none was).</summary>
    public string? FailedForm { get; private set; }

    public RowForm Row(string form) => new(ViewData, FailedForm == form);

    /// <summary>
    /// Validates only <paramref name="prefix"/>'s fields and runs <paramref name="change"/>; on success leaves
    /// <paramref name="doneKey"/> for the reloaded page and returns to <paramref name="anchor"/>, else shows the page again
    /// with the messages in <paramref name="form"/>.
    /// </summary>
    protected async Task<IActionResult> ChangeRowAsync(
        Guid id, string prefix, string form, Func<Task> change, string doneKey, string anchor, Func<Task> reload)
    {
        var valid = prefix.Length == 0 ? ClearModelState() : IsValidFor(prefix);
        if (valid && await TryAsync(change, prefix))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { id }, fragment: anchor);
        }
        FailedForm = form;
        await reload();
        return Page();
    }

    private bool ClearModelState()
    {
        ModelState.Clear();
        return true;
    }
}

/// <summary>What one row form shows: the attempted values and messages when it was the refused one, else the saved values.</summary>
public sealed class RowForm(ViewDataDictionary viewData, bool failed)
{
    public bool Failed => failed;

    public string? Value(string key, object? saved) =>
        failed && viewData.ModelState.TryGetValue(key, out var entry) ? entry.AttemptedValue : PartnerFormat.Input(saved);

    public bool Checked(string key, bool saved) =>
        failed ? viewData.ModelState.TryGetValue(key, out var entry) && entry.AttemptedValue?.Split(',').Contains("true", StringComparer.OrdinalIgnoreCase) == true : saved;

    public string? Error(string key) =>
        failed && viewData.ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public string Invalid(string key) => Error(key) is null ? string.Empty : "is-invalid";
}

/// <summary>How amounts, prices, quantities and days read on partner pages and in inputs (invariant, so number inputs accept them).</summary>
public static class PartnerFormat
{
    /// <summary>A value as an input's value attribute: numbers without trailing zeros, dates as yyyy-MM-dd.</summary>
    public static string? Input(object? value) => value switch
    {
        null => null,
        decimal number => Trim(number),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Money with thousands separators and two decimals (credit limits).</summary>
    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>A unit price with at least two decimals and at most six (95.50, 90.125, 0.000001).</summary>
    public static string Price(decimal price) => price.ToString("#,##0.00####", CultureInfo.InvariantCulture);

    /// <summary>A quantity without trailing zeros (100, 12.5).</summary>
    public static string Quantity(decimal quantity) => quantity.ToString("#,##0.####", CultureInfo.InvariantCulture);

    /// <summary>An exchange rate as entered (up to ten decimals).</summary>
    public static string Rate(decimal rate) => rate.ToString("0.##########", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Trim(decimal number) => number.ToString("0.##########", CultureInfo.InvariantCulture);
}

/// <summary>The contacts card of a customer or supplier page.</summary>
public sealed record ContactsCardModel(IReadOnlyList<ErpSaaS.Catalog.ContactDto> Contacts, PartnerPageModel Page);
