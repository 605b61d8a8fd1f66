using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Catalog;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

using static ErpSaaS.Application.Tests.ImportExport.ImportTestData;

namespace ErpSaaS.Application.Tests.ImportExport;

public sealed class PartnerImportTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private const string CustomerHeader =
        "code,name,grade,credit_limit,price_list,address_kind,address,tax_id,payment_terms_days,currency,contact_name,contact_phone,contact_email";
    private const string SupplierHeader = "code,name,default_lead_time_days,tax_id,payment_terms_days,currency,contact_name,contact_phone,contact_email";
    private const string ListingHeader = "supplier_code,product_code,supplier_product_code,price,currency,lead_time_days,minimum_order_quantity,preferred";

    private Task<List<Customer>> CustomersAsync(ImportCompany company) =>
        fixture.InScopeAsync(company.Tenant, sp => sp.GetRequiredService<ErpDbContext>().Customers.AsNoTracking()
            .Include(c => c.Contacts).Include(c => c.Addresses).OrderBy(c => c.Code).ToListAsync());

    private Task<List<Supplier>> SuppliersAsync(ImportCompany company) =>
        fixture.InScopeAsync(company.Tenant, sp => sp.GetRequiredService<ErpDbContext>().Suppliers.AsNoTracking()
            .Include(s => s.Contacts).OrderBy(s => s.Code).ToListAsync());

    private Task<List<SupplierProduct>> ListingsAsync(ImportCompany company) =>
        fixture.InScopeAsync(company.Tenant, sp => sp.GetRequiredService<ErpDbContext>().SupplierProducts.AsNoTracking().OrderBy(l => l.Price).ToListAsync());

    private Task<Guid> PriceListAsync(ImportCompany company, string name, string currency) =>
        fixture.AsUserAsync(company.Tenant, company.Admin, async sp =>
        {
            var priceList = await sp.GetRequiredService<PriceListManager>().CreateAsync(name, currency);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return priceList.Id;
        });

    private Task ProductAsync(ImportCompany company, string code) =>
        fixture.AsUserAsync(company.Tenant, company.Admin, async sp =>
        {
            await sp.GetRequiredService<ProductManager>().CreateAsync(code, new ProductDetails { Name = code, BaseUnit = "PCS" });
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });

    [Fact]
    public async Task A_good_customer_file_imports_exactly_its_rows_with_contact_address_and_price_list()
    {
        var acme = await fixture.CompanyAsync("imp-cust");
        var dealers = await PriceListAsync(acme, "经销商价", "CNY");

        var id = await fixture.UploadAsync(acme, CustomerImportKind.KindName, CsvFile(CustomerHeader,
            "c-001,华东贸易,A,50000,经销商价,Shipping,上海市浦东新区张江路 100 号,91310000MA1FL0XX2B,30,CNY,张伟,138 0013 8000,zhang.wei@example.cn",
            "C-002,Pacific Imports,,\"1,200.50\",,开票地址,1 Harbour Rd,,60,USD,,,"));
        var preview = await fixture.JobAsync(acme, id);
        await fixture.As(acme, imports => imports.CommitAsync(id));

        (preview.Status, preview.CreateCount).ShouldBe((ImportJobStatus.Ready, 2));
        var customers = await CustomersAsync(acme);
        customers.Select(c => c.Code).ShouldBe(["C-001", "C-002"]);
        var east = customers[0];
        (east.Name, east.Grade, east.CreditLimit, east.PaymentTermsDays, east.CurrencyCode, east.TaxId, east.PriceListId)
            .ShouldBe(("华东贸易", CustomerGrade.A, 50000m, 30, "CNY", "91310000MA1FL0XX2B", (Guid?)dealers));
        east.Contacts.Select(c => (c.Name, c.Phone, c.Email, c.IsPrimary)).ShouldBe([("张伟", "138 0013 8000", "zhang.wei@example.cn", true)]);
        east.Addresses.Select(a => (a.Kind, a.Text, a.IsDefault)).ShouldBe([(PartnerAddressKind.Shipping, "上海市浦东新区张江路 100 号", true)]);
        var pacific = customers[1];
        (pacific.Grade, pacific.CreditLimit, pacific.CurrencyCode, pacific.PriceListId).ShouldBe((CustomerGrade.B, 1200.50m, "USD", (Guid?)null));
        pacific.Contacts.ShouldBeEmpty();
        pacific.Addresses.Single().Kind.ShouldBe(PartnerAddressKind.Billing);
    }

    [Fact]
    public async Task One_bad_customer_row_imports_nothing_and_the_preview_names_each_wrong_cell()
    {
        var acme = await fixture.CompanyAsync("imp-cbad");
        await PriceListAsync(acme, "USD list", "USD");

        var id = await fixture.UploadAsync(acme, CustomerImportKind.KindName, CsvFile(CustomerHeader,
            "C-1,好客户,,,,,,,30,,,,",                  // row 2: fine
            "C-2,币种错,,,,,,,30,XYZ,,,",               // row 3: unknown currency
            "C-1,重复,,,,,,,30,,,,",                    // row 4: code twice in the file
            "C-4,额度错,,lots,,,,,30,,,,",              // row 5: bad number
            "C-5,价格表错,,,没有这个表,,,,30,,,,",       // row 6: unknown price list
            "C-6,币种不符,,,USD list,,,,30,CNY,,,",     // row 7: the list is in another currency
            "C-7,邮箱错,,,,,,,30,,王五,,not-an-email",  // row 8: the contact's own rule
            "C-8,账期错,,,,,,,-5,,,,"));                 // row 9: the customer's own rule

        var job = await fixture.JobAsync(acme, id);
        var rows = await fixture.RowsAsync(acme, id);
        var refused = await Should.ThrowAsync<BusinessException>(() => fixture.As(acme, imports => imports.CommitAsync(id)));

        (job.Status, job.CreateCount, job.ErrorRowCount).ShouldBe((ImportJobStatus.HasErrors, 1, 7));
        ErrorsOf(rows, 3).ShouldBe([$"currency:{ImportExportErrorCodes.CurrencyCodeUnknown}"]);
        ErrorsOf(rows, 4).ShouldBe([$"code:{ImportExportErrorCodes.CodeDuplicateInFile}"]);
        ErrorsOf(rows, 5).ShouldBe([$"credit_limit:{ImportExportErrorCodes.NumberInvalid}"]);
        ErrorsOf(rows, 6).ShouldBe([$"price_list:{ImportExportErrorCodes.PriceListUnknown}"]);
        ErrorsOf(rows, 7).ShouldBe([$"price_list:{PartnerErrorCodes.PriceListCurrencyMismatch}"]);
        ErrorsOf(rows, 8).ShouldBe([$"contact_email:{PartnerErrorCodes.ContactEmailInvalid}"]);
        ErrorsOf(rows, 9).ShouldBe([$"payment_terms_days:{PartnerErrorCodes.PaymentTermsInvalid}"]);
        refused.Code.ShouldBe(ImportExportErrorCodes.JobNotReady);
        (await CustomersAsync(acme)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Importing_a_customer_again_is_refused_unless_update_existing_which_changes_it_and_its_primary_contact()
    {
        var acme = await fixture.CompanyAsync("imp-cupd");
        var first = await fixture.UploadAsync(acme, CustomerImportKind.KindName, CsvFile(CustomerHeader, "C-1,旧名称,B,1000,,,,,30,,张伟,138 0013 8000,"));
        await fixture.As(acme, imports => imports.CommitAsync(first));

        var again = await fixture.UploadAsync(acme, CustomerImportKind.KindName, CsvFile(CustomerHeader, "C-1,新名称,A,2000,,,,,45,,张伟,139 0000 0000,"));
        var update = await fixture.UploadAsync(acme, CustomerImportKind.KindName,
            CsvFile(CustomerHeader, "C-1,新名称,A,2000,,,,,45,,张伟,139 0000 0000,"), updateExisting: true);
        await fixture.As(acme, imports => imports.CommitAsync(update));

        ErrorsOf(await fixture.RowsAsync(acme, again), 2).ShouldBe([$"code:{ImportExportErrorCodes.CodeExists}"]);
        var job = await fixture.JobAsync(acme, update);
        (job.Status, job.CreateCount, job.UpdateCount).ShouldBe((ImportJobStatus.Committed, 0, 1));
        var customer = (await CustomersAsync(acme)).Single();
        (customer.Name, customer.Grade, customer.CreditLimit, customer.PaymentTermsDays).ShouldBe(("新名称", CustomerGrade.A, 2000m, 45));
        customer.Contacts.Select(c => (c.Name, c.Phone, c.IsPrimary)).ShouldBe([("张伟", "139 0000 0000", true)]);
    }

    [Fact]
    public async Task Suppliers_and_their_products_import_and_a_second_preferred_supplier_for_a_product_is_refused()
    {
        var acme = await fixture.CompanyAsync("imp-supp");
        await ProductAsync(acme, "SKU-1");
        await ProductAsync(acme, "SKU-2");
        var suppliers = await fixture.UploadAsync(acme, SupplierImportKind.KindName, CsvFile(SupplierHeader,
            "s-001,精密电子,7,91440300MA5FXXXX1K,60,,李娜,0755-8888 6666,li.na@example.cn",
            "S-002,Global Parts,21,,30,USD,,,"));
        await fixture.As(acme, imports => imports.CommitAsync(suppliers));

        var wrong = await fixture.UploadAsync(acme, SupplierProductImportKind.KindName, CsvFile(ListingHeader,
            "S-001,SKU-1,JM-1,32.5,,,100,yes",
            "S-002,SKU-1,,4.8,,30,,yes",     // row 3: SKU-1 has a preferred supplier in row 2 already
            "S-009,SKU-2,,1,,,,",             // row 4: unknown supplier
            "S-001,SKU-9,,1,,,,",             // row 5: unknown product
            "S-001,SKU-1,,33,,,,"));          // row 6: the same listing twice
        var right = await fixture.UploadAsync(acme, SupplierProductImportKind.KindName, CsvFile(ListingHeader,
            "S-001,SKU-1,JM-1,32.5,,,100,yes",
            "S-002,SKU-1,,4.8,,30,,no",
            "S-002,SKU-2,,1.25,,,,是"));
        await fixture.As(acme, imports => imports.CommitAsync(right));

        var rows = await fixture.RowsAsync(acme, wrong);
        ErrorsOf(rows, 3).ShouldBe([$"preferred:{ImportExportErrorCodes.PreferredDuplicateInFile}"]);
        ErrorsOf(rows, 4).ShouldBe([$"supplier_code:{ImportExportErrorCodes.SupplierCodeUnknown}"]);
        ErrorsOf(rows, 5).ShouldBe([$"product_code:{ImportExportErrorCodes.ProductCodeUnknown}"]);
        ErrorsOf(rows, 6).ShouldBe([$"product_code:{ImportExportErrorCodes.ListingDuplicateInFile}"]);
        var saved = await SuppliersAsync(acme);
        saved.Select(s => (s.Code, s.Name, s.DefaultLeadTimeDays, s.PaymentTermsDays, s.CurrencyCode))
            .ShouldBe([("S-001", "精密电子", 7, 60, "CNY"), ("S-002", "Global Parts", 21, 30, "USD")]);
        saved[0].Contacts.Single().Email.ShouldBe("li.na@example.cn");
        var listings = await ListingsAsync(acme);
        listings.Select(l => (l.Price, l.CurrencyCode, l.LeadTimeDays, l.MinimumOrderQuantity, l.IsPreferred, l.SupplierProductCode))
            .ShouldBe([(1.25m, "USD", (int?)null, 0m, true, (string?)null), (4.8m, "USD", 30, 0m, false, null), (32.5m, "CNY", null, 100m, true, "JM-1")]);
    }

    [Fact]
    public async Task Updating_a_listing_can_move_the_preferred_flag_to_another_supplier()
    {
        var acme = await fixture.CompanyAsync("imp-lupd");
        await ProductAsync(acme, "SKU-1");
        await fixture.As(acme, async imports =>
            await imports.CommitAsync(await fixture.UploadAsync(acme, SupplierImportKind.KindName, CsvFile(SupplierHeader, "S-1,甲,5,,30,,,,", "S-2,乙,5,,30,,,,"))));
        await fixture.As(acme, async imports => await imports.CommitAsync(
            await fixture.UploadAsync(acme, SupplierProductImportKind.KindName, CsvFile(ListingHeader, "S-1,SKU-1,,10,,,,yes", "S-2,SKU-1,,11,,,,no"))));

        var again = await fixture.UploadAsync(acme, SupplierProductImportKind.KindName, CsvFile(ListingHeader, "S-2,SKU-1,,9.5,,,,yes"));
        var update = await fixture.UploadAsync(acme, SupplierProductImportKind.KindName, CsvFile(ListingHeader, "S-2,SKU-1,,9.5,,,,yes"), updateExisting: true);
        await fixture.As(acme, imports => imports.CommitAsync(update));

        ErrorsOf(await fixture.RowsAsync(acme, again), 2).ShouldBe([$"product_code:{ImportExportErrorCodes.ListingExists}"]);
        (await ListingsAsync(acme)).Select(l => (l.Price, l.IsPreferred)).ShouldBe([(9.5m, true), (10m, false)]);
    }

    [Fact]
    public async Task A_file_naming_another_companys_codes_neither_changes_nor_reveals_them()
    {
        var acme = await fixture.CompanyAsync("imp-ta");
        var globex = await fixture.CompanyAsync("imp-tg");
        await PriceListAsync(globex, "Globex VIP", "CNY");
        await ProductAsync(globex, "G-SKU");
        await fixture.As(globex, async imports =>
        {
            await imports.CommitAsync(await fixture.UploadAsync(globex, CustomerImportKind.KindName, CsvFile(CustomerHeader, "G-1,Globex 客户,,,,,,,30,,,,")));
            await imports.CommitAsync(await fixture.UploadAsync(globex, SupplierImportKind.KindName, CsvFile(SupplierHeader, "G-S,Globex 供应商,5,,30,,,,")));
        });

        var customers = await fixture.UploadAsync(acme, CustomerImportKind.KindName, CsvFile(CustomerHeader,
            "G-1,Acme 自己的客户,,,,,,,15,,,,", "A-2,借用价格表,,,Globex VIP,,,,30,,,,"), updateExisting: true);
        var listings = await fixture.UploadAsync(acme, SupplierProductImportKind.KindName, CsvFile(ListingHeader, "G-S,G-SKU,,1,,,,"));
        var customerRows = await fixture.RowsAsync(acme, customers);

        customerRows.Single(r => r.RowNumber == 2).Action.ShouldBe(ImportRowAction.Create);
        ErrorsOf(customerRows, 3).ShouldBe([$"price_list:{ImportExportErrorCodes.PriceListUnknown}"]);
        ErrorsOf(await fixture.RowsAsync(acme, listings), 2)
            .ShouldBe([$"supplier_code:{ImportExportErrorCodes.SupplierCodeUnknown}", $"product_code:{ImportExportErrorCodes.ProductCodeUnknown}"]);
        var acmeOnly = await fixture.UploadAsync(acme, CustomerImportKind.KindName, CsvFile(CustomerHeader, "G-1,Acme 自己的客户,,,,,,,15,,,,"));
        await fixture.As(acme, imports => imports.CommitAsync(acmeOnly));
        (await CustomersAsync(acme)).Select(c => (c.Code, c.Name)).ShouldBe([("G-1", "Acme 自己的客户")]);
        (await CustomersAsync(globex)).Select(c => (c.Code, c.Name, c.PaymentTermsDays)).ShouldBe([("G-1", "Globex 客户", 30)]);
    }
}
