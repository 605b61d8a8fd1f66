using ErpSaaS.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Administration;

/// <summary>A page showing one permission matrix (of a role or a user) and saving the checked boxes.</summary>
public abstract class PermissionMatrixPageModel : AdminPageModel
{
    public PermissionMatrixDto Matrix { get; private set; } = null!;

    [BindProperty]
    public List<string> Granted { get; set; } = [];

    protected abstract Task<PermissionMatrixDto> LoadAsync(Guid id, CancellationToken cancellationToken);

    protected abstract Task SaveAsync(Guid id, IReadOnlyCollection<string> granted, CancellationToken cancellationToken);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Matrix = await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => SaveAsync(id, Granted, cancellationToken), prefix: string.Empty))
        {
            TempData["Message"] = L["Permissions:Saved"].Value;
            return RedirectToPage(new { id });
        }
        // Show what the admin checked, not what is stored, so nothing they did is lost.
        var matrix = await LoadAsync(id, cancellationToken);
        Matrix = matrix with
        {
            Groups = matrix.Groups.Select(g => g with
            {
                Permissions = g.Permissions.Select(p => p with { IsGranted = p.IsAvailable ? Granted.Contains(p.Name) : p.IsGranted }).ToList(),
            }).ToList(),
        };
        return Page();
    }
}
