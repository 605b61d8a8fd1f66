namespace ErpSaaS.Errors;

/// <summary>Business errors of stock alerts, replenishment and inventory reports ("Error:{code}" texts in StockAlerts.json).</summary>
public static class StockAlertErrorCodes
{
    /// <summary>{0} fewest days, {1} most days.</summary>
    public const string DaysInvalid = "StockAlerts:DaysInvalid";
}
