namespace ErpSaaS.Features;

/// <summary>Feature names: module switches (booleans) and limits (numbers) a plan carries.</summary>
public static class ErpFeatures
{
    public const string Trading = "Trading";                 // purchasing, sales, inventory
    public const string MultiWarehouse = "MultiWarehouse";   // multi-warehouse and batches
    public const string ApprovalFlows = "ApprovalFlows";
    public const string ApprovalFlowsMultiStep = "ApprovalFlows.MultiStep";
    public const string Production = "Production";
    public const string Finance = "Finance";
    public const string ApiAccess = "ApiAccess";             // API keys and webhooks
    public const string MaxUsers = "MaxUsers";
    public const string MaxWarehouses = "MaxWarehouses";
}

public enum FeatureValueType
{
    Boolean = 0,
    Number = 1,
}
