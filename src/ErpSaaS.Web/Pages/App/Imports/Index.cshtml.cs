using ErpSaaS.Common;
using ErpSaaS.ImportExport;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Imports;

/// <summary>The kinds the user may import, and the company's recent imports.</summary>
public sealed class IndexModel(IImportAppService imports) : ErpPageModel
{
    public IReadOnlyList<ImportKindDto> Kinds { get; private set; } = [];
    public PagedResult<ImportJobDto> Jobs { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] ImportJobListQuery query, CancellationToken cancellationToken)
    {
        Kinds = await imports.GetKindsAsync(cancellationToken);
        Jobs = await imports.GetJobsAsync(query, cancellationToken);
    }
}
