using ErpSaaS.Common;
using ErpSaaS.Permissions;

namespace ErpSaaS.Inventory.Documents;

/// <summary>
/// The steps every stock document use case takes in the same order: authorize (Inventory, then any check of the
/// document's own, such as the multi-warehouse feature), know who acts and when, load the document as of the version
/// the user saw, and change it in one transaction. Creating claims the form's request id first, so a form submitted
/// twice creates one document.
/// </summary>
public sealed class StockDocumentActions(
    IPermissionChecker permissions, IStockDocumentRepository documents, StockDocumentActors actors, IUnitOfWork unitOfWork)
{
    /// <summary>A document's read model, or not found.</summary>
    public async Task<TDto> GetAsync<TDto>(Guid id, string documentType, Func<CancellationToken, Task<TDto?>> find, CancellationToken cancellationToken)
        where TDto : class
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        return await find(cancellationToken) ?? throw new EntityNotFoundException(documentType, id);
    }

    /// <summary>Creates a document once per request id: a repeated submit returns the first document's id.</summary>
    public async Task<Guid> CreateAsync(Guid requestId, Func<StockDocumentActor, CancellationToken, Task<Guid>> create, CancellationToken cancellationToken,
        Func<CancellationToken, Task>? authorize = null)
    {
        await AuthorizeAsync(authorize, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
            await documents.ClaimRequestAsync(requestId, ct) is { } earlier ? earlier : await create(actor, ct), cancellationToken);
    }

    /// <summary>
    /// Loads the document as of <paramref name="version"/> (none: changes that add to the latest, such as scans) and
    /// changes it in one transaction.
    /// </summary>
    public async Task<TResult> ChangeAsync<TDocument, TResult>(Guid id, uint? version,
        Func<TDocument, StockDocumentActor, CancellationToken, Task<TResult>> change, CancellationToken cancellationToken,
        Func<CancellationToken, Task>? authorize = null) where TDocument : StockDocument
    {
        await AuthorizeAsync(authorize, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var document = await documents.FindAsync<TDocument>(id, cancellationToken) ?? throw new EntityNotFoundException(typeof(TDocument).Name, id);
        if (version is { } expected) document.CheckVersion(expected);
        return await unitOfWork.InTransactionAsync(ct => change(document, actor, ct), cancellationToken);
    }

    public Task ChangeAsync<TDocument>(Guid id, uint? version, Func<TDocument, StockDocumentActor, CancellationToken, Task> change,
        CancellationToken cancellationToken, Func<CancellationToken, Task>? authorize = null) where TDocument : StockDocument =>
        ChangeAsync<TDocument, bool>(id, version, async (document, actor, ct) =>
        {
            await change(document, actor, ct);
            return true;
        }, cancellationToken, authorize);

    public Task ChangeAsync<TDocument>(Guid id, uint? version, Action<TDocument, StockDocumentActor> change, CancellationToken cancellationToken)
        where TDocument : StockDocument =>
        ChangeAsync<TDocument>(id, version, (document, actor, _) =>
        {
            change(document, actor);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task CancelAsync<TDocument>(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken) where TDocument : StockDocument =>
        ChangeAsync<TDocument>(id, input.Version, (document, actor) => document.Cancel(actor, input.Comment), cancellationToken);

    private async Task AuthorizeAsync(Func<CancellationToken, Task>? authorize, CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        if (authorize is not null) await authorize(cancellationToken);
    }
}
