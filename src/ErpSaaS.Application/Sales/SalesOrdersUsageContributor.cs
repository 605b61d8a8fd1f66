namespace ErpSaaS.Sales;

/// <summary>The billing page's "sales orders this month" row: orders created in the company's current calendar month.</summary>
public sealed class SalesOrdersUsageContributor(ISalesQueries queries, SalesActors actors) : Billing.IUsageContributor
{
    public int Order => 40;

    public async Task<IReadOnlyList<Billing.UsageRowDto>> GetUsageAsync(IReadOnlyDictionary<string, string> features, CancellationToken cancellationToken)
    {
        var (from, to) = await actors.CurrentMonthAsync(cancellationToken);
        return [new Billing.UsageRowDto("Billing:Usage:SalesOrdersThisMonth", await queries.CountOrdersCreatedAsync(from, to, cancellationToken), null)];
    }
}
