namespace ErpSaaS.Catalog;

public static class WarehouseConsts
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 128;
    public const int MaxAddressLength = 256;

    /// <summary>The warehouse every company starts with.</summary>
    public const string DefaultCode = "WH01";
}
