namespace ErpSaaS.Inventory.Documents;

/// <summary>A batch of a product that can be issued: where it lies, when it expires and how much of it is available.</summary>
public sealed record AvailableBatch(string BatchNumber, Guid? LocationId, DateOnly? ExpiryDate, decimal Available);

/// <summary>A batch proposed for an issue and how much to take from it.</summary>
public sealed record BatchSuggestion(AvailableBatch Batch, decimal Take);

/// <summary>
/// First expired, first out (先到期先出): batch-tracked stock is issued from the batch that expires first, so nothing
/// expires on the shelf while younger stock leaves. Batches without an expiry date go last; ties go by batch number.
/// </summary>
public static class Fefo
{
    public static IReadOnlyList<AvailableBatch> Order(IEnumerable<AvailableBatch> batches) =>
        batches.Where(b => b.Available > 0m)
            .OrderBy(b => b.ExpiryDate is null)
            .ThenBy(b => b.ExpiryDate)
            .ThenBy(b => b.BatchNumber, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The batches in FEFO order, each with what to take from it to make up <paramref name="quantity"/> (0 once the
    /// quantity is covered); without a quantity every batch is listed with nothing taken.
    /// </summary>
    public static IReadOnlyList<BatchSuggestion> Suggest(IEnumerable<AvailableBatch> batches, decimal? quantity)
    {
        var remaining = quantity ?? 0m;
        var suggestions = new List<BatchSuggestion>();
        foreach (var batch in Order(batches))
        {
            var take = Math.Min(batch.Available, Math.Max(remaining, 0m));
            remaining -= take;
            suggestions.Add(new BatchSuggestion(batch, take));
        }
        return suggestions;
    }
}
