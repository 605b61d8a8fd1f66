using ErpSaaS.Signup;

namespace ErpSaaS.Catalog;

/// <summary>
/// Products to look at on day one: the demo company's electronics catalog (about twenty products in a category tree,
/// with barcodes, boxes, batch-tracked consumables and services), and a smaller catalog for a company that asked for
/// sample data at sign-up, in the admin's language. Created through <see cref="ProductManager"/>, so every rule holds.
/// Units and tax rates come from <see cref="CatalogStarterData"/>, which runs first.
/// </summary>
public sealed class ProductSampleData(ProductCategoryManager categories, ProductManager products, ITaxRateRepository taxRates, ICatalogReferenceQueries references)
    : ISampleDataContributor
{
    public int Order => 10;

    private sealed record SampleCategory(string Code, string Chinese, string English, string? Parent = null);

    private sealed record SampleProduct(string Code, string Chinese, string English, string Category, ProductType Type, string BaseUnit)
    {
        public string? Specification { get; init; }
        public (string Unit, decimal Factor)[] Conversions { get; init; } = [];
        public string[] Barcodes { get; init; } = [];
        public decimal StandardCost { get; init; }
        public decimal SalePrice { get; init; }
        public decimal SafetyStock { get; init; }
        public decimal ReorderPoint { get; init; }
        public decimal ReorderQuantity { get; init; }
        public decimal? MaximumStock { get; init; }
        public int LeadTimeDays { get; init; }
        public int? ShelfLifeDays { get; init; }
        public string? TaxRate { get; init; }
        public ValuationMethod ValuationMethod { get; init; }
    }

    private static readonly SampleCategory[] DemoCategories =
    [
        new("ELEC", "电子元器件", "Electronic components"),
        new("RES", "电阻", "Resistors", "ELEC"),
        new("CAP", "电容", "Capacitors", "ELEC"),
        new("IC", "集成电路", "Integrated circuits", "ELEC"),
        new("CONN", "连接器", "Connectors", "ELEC"),
        new("MOD", "模块与板卡", "Modules and boards"),
        new("CONS", "生产耗材", "Consumables"),
        new("SOLDER", "焊接材料", "Soldering", "CONS"),
        new("PACK", "包装材料", "Packaging", "CONS"),
        new("SVC", "技术服务", "Services"),
    ];

    private static readonly SampleProduct[] DemoProducts =
    [
        new("SKU-10086", "贴片电阻 10kΩ", "SMD resistor 10kΩ", "RES", ProductType.Goods, "PCS")
            { Specification = "0603 ±1% 1/10W", Conversions = [("BOX", 5000m)], Barcodes = ["6921234501016"], StandardCost = 0.0035m, SalePrice = 0.008m, SafetyStock = 20000m, ReorderPoint = 30000m, ReorderQuantity = 50000m, LeadTimeDays = 7 },
        new("SKU-10087", "贴片电阻 1kΩ", "SMD resistor 1kΩ", "RES", ProductType.Goods, "PCS")
            { Specification = "0805 ±5% 1/8W", Conversions = [("BOX", 5000m)], Barcodes = ["6921234501023"], StandardCost = 0.004m, SalePrice = 0.009m, SafetyStock = 10000m, ReorderPoint = 20000m, ReorderQuantity = 50000m, LeadTimeDays = 7 },
        new("SKU-10088", "贴片电容 100nF", "SMD capacitor 100nF", "CAP", ProductType.Goods, "PCS")
            { Specification = "0603 X7R 50V", Conversions = [("BOX", 4000m)], Barcodes = ["6921234501030"], StandardCost = 0.006m, SalePrice = 0.012m, SafetyStock = 8000m, ReorderPoint = 12000m, ReorderQuantity = 40000m, LeadTimeDays = 10 },
        new("SKU-10089", "电解电容 470µF", "Electrolytic capacitor 470µF", "CAP", ProductType.Goods, "PCS")
            { Specification = "25V 8×12mm 105℃", Conversions = [("PACK", 200m), ("BOX", 2000m)], Barcodes = ["6921234501047"], StandardCost = 0.12m, SalePrice = 0.25m, SafetyStock = 1000m, ReorderPoint = 2000m, ReorderQuantity = 4000m, LeadTimeDays = 10 },
        new("SKU-10090", "STM32F103C8T6 单片机", "STM32F103C8T6 microcontroller", "IC", ProductType.Goods, "PCS")
            { Specification = "LQFP-48 72MHz 64KB Flash", Conversions = [("BOX", 250m)], Barcodes = ["6921234501054", "STM32F103C8T6"], StandardCost = 6.8m, SalePrice = 9.5m, SafetyStock = 500m, ReorderPoint = 800m, ReorderQuantity = 1000m, MaximumStock = 3000m, LeadTimeDays = 21, ValuationMethod = ValuationMethod.Fifo },
        new("SKU-10091", "LM7805 三端稳压器", "LM7805 voltage regulator", "IC", ProductType.Goods, "PCS")
            { Specification = "TO-220 5V 1.5A", Conversions = [("PACK", 50m)], Barcodes = ["6921234501061"], StandardCost = 0.45m, SalePrice = 0.8m, SafetyStock = 300m, ReorderPoint = 500m, ReorderQuantity = 1000m, LeadTimeDays = 14 },
        new("SKU-10092", "USB Type-C 母座", "USB Type-C receptacle", "CONN", ProductType.Goods, "PCS")
            { Specification = "16P 沉板 SMT", Conversions = [("PACK", 100m), ("BOX", 1000m)], Barcodes = ["6921234501078"], StandardCost = 0.38m, SalePrice = 0.7m, SafetyStock = 1000m, ReorderPoint = 1500m, ReorderQuantity = 3000m, LeadTimeDays = 10 },
        new("SKU-10093", "排针 2.54mm 1×40P", "Pin header 2.54mm 1×40P", "CONN", ProductType.Goods, "PCS")
            { Specification = "单排 直插 镀金", Conversions = [("PACK", 100m)], Barcodes = ["6921234501085"], StandardCost = 0.18m, SalePrice = 0.35m, SafetyStock = 500m, ReorderPoint = 800m, ReorderQuantity = 2000m, LeadTimeDays = 7 },
        new("SKU-10094", "杜邦线 母对母 20cm", "Dupont wire female-female 20cm", "CONN", ProductType.Goods, "PACK")
            { Specification = "40P 一排", Conversions = [("BOX", 50m)], Barcodes = ["6921234501092"], StandardCost = 2.6m, SalePrice = 4.5m, SafetyStock = 50m, ReorderPoint = 80m, ReorderQuantity = 200m, LeadTimeDays = 5 },
        new("SKU-10095", "ESP32-WROOM-32E 无线模块", "ESP32-WROOM-32E wireless module", "MOD", ProductType.Goods, "PCS")
            { Specification = "Wi-Fi + 蓝牙 4MB Flash", Conversions = [("BOX", 100m)], Barcodes = ["6921234501108"], StandardCost = 13.5m, SalePrice = 18.8m, SafetyStock = 200m, ReorderPoint = 300m, ReorderQuantity = 500m, MaximumStock = 1500m, LeadTimeDays = 28 },
        new("SKU-10096", "锂电池 18650", "18650 lithium cell", "MOD", ProductType.Goods, "PCS")
            { Specification = "3.7V 3000mAh 平头", Conversions = [("BOX", 50m)], Barcodes = ["6921234501115"], StandardCost = 9.2m, SalePrice = 13.5m, SafetyStock = 100m, ReorderPoint = 200m, ReorderQuantity = 500m, LeadTimeDays = 14, ShelfLifeDays = 730 },
        new("SKU-10097", "温湿度传感器模组", "Temperature and humidity sensor module", "MOD", ProductType.Finished, "PCS")
            { Specification = "自产 SHT30 I²C", Conversions = [("BOX", 20m)], Barcodes = ["6921234501122"], StandardCost = 11.0m, SalePrice = 29.0m, SafetyStock = 50m, ReorderPoint = 80m, ReorderQuantity = 200m, LeadTimeDays = 3 },
        new("SKU-10098", "传感器 PCBA 半成品", "Sensor PCBA (semi-finished)", "MOD", ProductType.SemiFinished, "PCS")
            { Specification = "已贴片 未测试", StandardCost = 7.5m, LeadTimeDays = 2 },
        new("SKU-10099", "FR-4 覆铜板 1.6mm", "FR-4 copper clad laminate 1.6mm", "MOD", ProductType.RawMaterial, "PCS")
            { Specification = "1020×1220mm 1oz", StandardCost = 86m, SafetyStock = 20m, ReorderPoint = 30m, ReorderQuantity = 50m, LeadTimeDays = 10 },
        new("SKU-10100", "无铅焊锡丝 0.8mm", "Lead-free solder wire 0.8mm", "SOLDER", ProductType.RawMaterial, "KG")
            { Specification = "Sn99.3Cu0.7 500g/卷", Conversions = [("BOX", 10m)], Barcodes = ["6921234501139"], StandardCost = 168m, SalePrice = 220m, SafetyStock = 5m, ReorderPoint = 10m, ReorderQuantity = 20m, LeadTimeDays = 7, ShelfLifeDays = 1095 },
        new("SKU-10101", "助焊膏", "Flux paste", "SOLDER", ProductType.RawMaterial, "PCS")
            { Specification = "50g 免清洗", Conversions = [("BOX", 40m)], Barcodes = ["6921234501146"], StandardCost = 12m, SalePrice = 19.9m, SafetyStock = 20m, ReorderPoint = 40m, ReorderQuantity = 80m, LeadTimeDays = 5, ShelfLifeDays = 365 },
        new("SKU-10102", "导热硅脂", "Thermal paste", "SOLDER", ProductType.Goods, "G")
            { Specification = "灰色 3.0W/m·K", Conversions = [("KG", 1000m)], Barcodes = ["6921234501153"], StandardCost = 0.09m, SalePrice = 0.18m, SafetyStock = 2000m, ReorderPoint = 3000m, ReorderQuantity = 5000m, LeadTimeDays = 7, ShelfLifeDays = 540 },
        new("SKU-10103", "防静电包装袋", "Anti-static bag", "PACK", ProductType.RawMaterial, "PCS")
            { Specification = "10×15cm 自封", Conversions = [("PACK", 100m)], Barcodes = ["6921234501160"], StandardCost = 0.08m, SafetyStock = 2000m, ReorderPoint = 3000m, ReorderQuantity = 10000m, LeadTimeDays = 5 },
        new("SKU-10104", "瓦楞纸箱 40×30×30cm", "Carton 40×30×30cm", "PACK", ProductType.RawMaterial, "PCS")
            { Specification = "五层 K=K", Conversions = [("PACK", 20m)], StandardCost = 3.2m, SafetyStock = 100m, ReorderPoint = 200m, ReorderQuantity = 500m, LeadTimeDays = 3 },
        new("SVC-001", "上门安装调试", "On-site installation", "SVC", ProductType.Service, "SET")
            { Specification = "上海市内 半天", SalePrice = 800m, TaxRate = "VAT6" },
        new("SVC-002", "技术支持年费", "Annual technical support", "SVC", ProductType.Service, "SET")
            { SalePrice = 6000m, TaxRate = "VAT6" },
    ];

    private static readonly SampleCategory[] SignupCategories =
    [
        new("RAW", "原材料", "Raw materials"),
        new("HW", "五金件", "Hardware", "RAW"),
        new("ELEC", "电子料", "Electronic parts", "RAW"),
        new("FG", "成品", "Finished goods"),
        new("SVC", "服务", "Services"),
    ];

    private static readonly SampleProduct[] SignupProducts =
    [
        new("SKU-2001", "不锈钢螺丝 M4×12", "Stainless screw M4×12", "HW", ProductType.RawMaterial, "PCS")
            { Specification = "304 十字盘头", Conversions = [("BOX", 1000m)], Barcodes = ["6921234501177"], StandardCost = 0.05m, SafetyStock = 2000m, ReorderPoint = 3000m, ReorderQuantity = 10000m, LeadTimeDays = 5 },
        new("SKU-2002", "铝型材 2020", "Aluminium profile 2020", "HW", ProductType.RawMaterial, "M")
            { Specification = "6063-T5 银白", StandardCost = 9.8m, SafetyStock = 50m, ReorderPoint = 80m, ReorderQuantity = 200m, LeadTimeDays = 7 },
        new("SKU-2003", "电源适配器 12V 2A", "Power adapter 12V 2A", "ELEC", ProductType.RawMaterial, "PCS")
            { Specification = "DC 5.5×2.1mm", Conversions = [("BOX", 20m)], Barcodes = ["6921234501184"], StandardCost = 8.5m, SafetyStock = 100m, ReorderPoint = 150m, ReorderQuantity = 400m, LeadTimeDays = 10 },
        new("SKU-2004", "LED 灯条 5m", "LED strip 5 m", "ELEC", ProductType.RawMaterial, "PCS")
            { Specification = "12V 暖白 60灯/m", Conversions = [("BOX", 50m)], Barcodes = ["6921234501191"], StandardCost = 15m, SafetyStock = 50m, ReorderPoint = 80m, ReorderQuantity = 200m, LeadTimeDays = 10 },
        new("SKU-2005", "控制板", "Controller board", "ELEC", ProductType.SemiFinished, "PCS")
            { Specification = "已贴片 待测试", StandardCost = 12m, LeadTimeDays = 2 },
        new("SKU-2006", "智能台灯", "Smart desk lamp", "FG", ProductType.Finished, "PCS")
            { Specification = "触控调光 USB 供电", Conversions = [("BOX", 4m)], Barcodes = ["6921234501207"], StandardCost = 58m, SalePrice = 129m, SafetyStock = 40m, ReorderPoint = 60m, ReorderQuantity = 200m, LeadTimeDays = 3 },
        new("SKU-2007", "环氧结构胶", "Epoxy adhesive", "HW", ProductType.RawMaterial, "PCS")
            { Specification = "AB 双组份 50ml", Conversions = [("BOX", 24m)], Barcodes = ["6921234501214"], StandardCost = 6.5m, SafetyStock = 24m, ReorderPoint = 48m, ReorderQuantity = 96m, LeadTimeDays = 5, ShelfLifeDays = 365 },
        new("SVC-001", "上门安装", "On-site installation", "SVC", ProductType.Service, "SET")
            { SalePrice = 200m, TaxRate = "VAT6" },
    ];

    /// <summary>The demo company's catalog (Chinese), stocked in its default warehouse. Its warehouses must be saved already.</summary>
    public async Task CreateDemoCatalogAsync(CancellationToken cancellationToken = default)
    {
        var defaultWarehouse = (await references.GetWarehousesAsync(cancellationToken)).FirstOrDefault(w => w.IsDefault);
        await CreateAsync(DemoCategories, DemoProducts, chinese: true, defaultWarehouse?.Id, cancellationToken);
    }

    public Task ContributeAsync(SampleDataContext context, CancellationToken cancellationToken) =>
        CreateAsync(SignupCategories, SignupProducts, context.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase), null, cancellationToken);

    private async Task CreateAsync(SampleCategory[] sampleCategories, SampleProduct[] sampleProducts, bool chinese, Guid? warehouseId, CancellationToken cancellationToken)
    {
        var categoryIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var category in sampleCategories)
        {
            var parent = category.Parent is null ? (Guid?)null : categoryIds[category.Parent];
            categoryIds[category.Code] = (await categories.CreateAsync(category.Code, chinese ? category.Chinese : category.English, parent, cancellationToken)).Id;
        }
        var taxRateIds = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var product in sampleProducts)
        {
            var taxRateId = product.TaxRate is null ? null : await TaxRateIdAsync(product.TaxRate);
            await products.CreateAsync(product.Code, new ProductDetails
            {
                Name = chinese ? product.Chinese : product.English,
                Specification = product.Specification,
                CategoryId = categoryIds[product.Category],
                Type = product.Type,
                BaseUnit = product.BaseUnit,
                UnitConversions = [.. product.Conversions.Select(c => new UnitConversionDetails(c.Unit, c.Factor))],
                Barcodes = product.Barcodes,
                DefaultWarehouseId = product.Type == ProductType.Service ? null : warehouseId,
                SafetyStock = product.SafetyStock,
                ReorderPoint = product.ReorderPoint,
                ReorderQuantity = product.ReorderQuantity,
                MaximumStock = product.MaximumStock,
                LeadTimeDays = product.LeadTimeDays,
                IsBatchTracked = product.ShelfLifeDays is not null,
                ShelfLifeDays = product.ShelfLifeDays,
                ValuationMethod = product.ValuationMethod,
                StandardCost = product.StandardCost,
                SalePrice = product.SalePrice,
                TaxRateId = taxRateId,
            }, cancellationToken);
        }

        async Task<Guid?> TaxRateIdAsync(string code)
        {
            if (!taxRateIds.TryGetValue(code, out var id))
            {
                taxRateIds[code] = id = await taxRates.FindByCodeAsync(code, cancellationToken) is { } rate ? rate.Id : null;
            }
            return id;
        }
    }
}
