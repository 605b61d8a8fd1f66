using System.Text.Json;
using ErpSaaS.Benchmarks.Dataset;
using ErpSaaS.Numbering;
using ErpSaaS.Sales;
using Npgsql;
using NpgsqlTypes;

namespace ErpSaaS.Benchmarks.Scenarios;

/// <summary>
/// The baseline for sales confirmation: what <c>ISalesOrderAppService</c> writes for one order, sent with plain Npgsql and
/// nothing else, each step in as few round trips as the statements allow.
/// <list type="bullet">
/// <item>Create (one transaction, two round trips and the commit): the tenant, the customer, the warehouse, the
/// products named with their VAT rates (one query for all lines), the next number of the company's gap-free sales order
/// sequence (the same row the application takes); then the order, its lines, its timeline's first event and the audit
/// trail's entity changes.</item>
/// <item>Read (one round trip): the order and its lines, as the order's page shows them before the confirm button.</item>
/// <item>Confirm (one transaction, two round trips and the commit): the order, the customer's credit exposure (open
/// orders and invoices) and credit limit, the products' locks in id order (as every stock change takes them), the
/// missing (product, warehouse) totals rows, and the atomic conditional reservation (<c>reserved += quantity</c> only
/// where <c>on_hand − reserved</c> still covers it, all lines in one statement); when a line did not fit, everything is
/// rolled back and the available quantities are read for the refusal. Otherwise the reservations, the status change
/// (checked against the version read) with the order's rate to the base currency (1: the benchmark's customers buy in
/// it), the timeline event and the entity changes.</item>
/// </list>
/// Not repeated here: the application's permission, plan and setting lookups (cached in the process) and its price list
/// lookup (the benchmark's customers have none, so both price from the product's sale price).
/// </summary>
public sealed class RawSalesOrders(NpgsqlDataSource app, SalesCompany company)
{
    private static readonly NumberPattern Pattern = NumberPattern.Parse(DocumentTypes.DefaultPatterns[DocumentTypes.SalesOrder]);

    /// <summary>Creates the draft; returns its id and version.</summary>
    public async Task<(Guid Id, uint Version)> CreateAsync(SalesOrderPlan plan, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var orderId = Guid.CreateVersion7();
        await using var connection = await app.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string currency;
        long counter;
        var products = new Dictionary<string, (Guid Id, decimal Price, decimal TaxRate, int LeadTimeDays)>(StringComparer.Ordinal);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            Add(batch, "SELECT set_config('erp.tenant_id', @tenant_text, true)", ("tenant_text", company.TenantId.ToString()));
            Add(batch, "SELECT currency_code FROM customers WHERE tenant_id = @tenant AND id = @customer AND is_active",
                ("tenant", company.TenantId), ("customer", plan.CustomerId));
            Add(batch, "SELECT id FROM warehouses WHERE tenant_id = @tenant AND id = @warehouse AND is_active AND NOT is_quarantine",
                ("tenant", company.TenantId), ("warehouse", company.WarehouseId));
            Add(batch, """
                SELECT p.id, p.code, p.sale_price, coalesce(t.rate, 0), p.lead_time_days
                FROM products p LEFT JOIN tax_rates t ON t.tenant_id = p.tenant_id AND t.id = p.tax_rate_id
                WHERE p.tenant_id = @tenant AND p.code = ANY(@codes) AND p.is_active
                """, ("tenant", company.TenantId), ("codes", plan.Lines.Select(l => l.Code).ToArray()));
            Add(batch, """
                INSERT INTO document_sequences (tenant_id, document_type, period_key, last_value) VALUES (@tenant, @type, @period, 1)
                ON CONFLICT (tenant_id, document_type, period_key) DO UPDATE SET last_value = document_sequences.last_value + 1
                RETURNING last_value
                """, ("tenant", company.TenantId), ("type", DocumentTypes.SalesOrder), ("period", Pattern.PeriodKey(now.UtcDateTime)));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            currency = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : throw new InvalidOperationException("The customer is unknown.");
            await reader.NextResultAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException("The warehouse is unknown.");
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                products[reader.GetString(1)] = (reader.GetGuid(0), reader.GetDecimal(2), reader.GetDecimal(3), reader.GetInt32(4));
            }
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            counter = reader.GetInt64(0);
        }

        var lines = plan.Lines.Select((l, index) =>
        {
            var product = products.TryGetValue(l.Code, out var found) ? found : throw new InvalidOperationException($"Product {l.Code} is unknown.");
            var net = decimal.Round(l.Quantity * product.Price, 2, MidpointRounding.AwayFromZero);
            return (Id: Guid.CreateVersion7(), Number: index + 1, ProductId: product.Id, l.Quantity, product.Price, product.TaxRate, Net: net,
                Tax: decimal.Round(net * product.TaxRate, 2, MidpointRounding.AwayFromZero), Promised: today.AddDays(Math.Max(0, product.LeadTimeDays)));
        }).ToList();
        var netAmount = lines.Sum(l => l.Net);
        var taxAmount = lines.Sum(l => l.Tax);
        var number = Pattern.Format(now.UtcDateTime, counter);
        var eventId = Guid.CreateVersion7();
        var changes = new List<(string Type, string Key, string Json)>
        {
            ("SalesOrder", orderId.ToString(), Json(("Number", number), ("Status", "Draft"), ("CustomerId", plan.CustomerId), ("WarehouseId", company.WarehouseId),
                ("CurrencyCode", currency), ("OrderDate", today), ("NetAmount", netAmount), ("TaxAmount", taxAmount), ("TotalAmount", netAmount + taxAmount))),
            ("SalesOrderEvent", eventId.ToString(), Json(("DocumentId", orderId), ("Status", "Draft"), ("At", now), ("UserId", company.AdminUserId))),
        };
        changes.AddRange(lines.Select(l => ("SalesOrderLine", l.Id.ToString(), Json(("OrderId", orderId), ("LineNumber", l.Number), ("ProductId", l.ProductId),
            ("Quantity", l.Quantity), ("UnitPrice", l.Price), ("TaxRate", l.TaxRate), ("NetAmount", l.Net), ("TaxAmount", l.Tax), ("PromisedDate", l.Promised)))));

        uint version;
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            Add(batch, """
                INSERT INTO sales_orders (id, tenant_id, number, status, request_id, customer_id, warehouse_id, currency_code, order_date, comment,
                    net_amount, tax_amount, total_amount, invoiced_amount, discount_approval, credit_approval, created_at, changed_at, confirmed_at, revision)
                VALUES (@id, @tenant, @number, 'Draft', @request, @customer, @warehouse, @currency, @today, NULL,
                    @net, @tax, @total, 0, 'NotNeeded', 'NotNeeded', @now, @now, NULL, 1)
                RETURNING xmin
                """,
                ("id", orderId), ("tenant", company.TenantId), ("number", number), ("request", Guid.NewGuid()), ("customer", plan.CustomerId),
                ("warehouse", company.WarehouseId), ("currency", currency), ("today", today), ("net", netAmount), ("tax", taxAmount),
                ("total", netAmount + taxAmount), ("now", now));
            Add(batch, """
                INSERT INTO sales_order_lines (id, tenant_id, order_id, line_number, product_id, quantity, unit, base_quantity, unit_price, discount_percent, tax_rate,
                    net_amount, tax_amount, promised_date, delivered_quantity, returned_quantity, invoiced_quantity, invoiced_net, invoiced_tax, back_ordered_quantity)
                SELECT l.id, @tenant, @order, l.line_number, l.product_id, l.quantity, 'PCS', l.quantity, l.unit_price, 0, l.tax_rate,
                    l.net_amount, l.tax_amount, l.promised_date, 0, 0, 0, 0, 0, 0
                FROM unnest(@ids, @numbers, @products, @quantities, @prices, @rates, @nets, @taxes, @promised)
                    AS l(id, line_number, product_id, quantity, unit_price, tax_rate, net_amount, tax_amount, promised_date)
                """,
                ("tenant", company.TenantId), ("order", orderId), ("ids", lines.Select(l => l.Id).ToArray()), ("numbers", lines.Select(l => l.Number).ToArray()),
                ("products", lines.Select(l => l.ProductId).ToArray()), ("quantities", lines.Select(l => l.Quantity).ToArray()),
                ("prices", lines.Select(l => l.Price).ToArray()), ("rates", lines.Select(l => l.TaxRate).ToArray()), ("nets", lines.Select(l => l.Net).ToArray()),
                ("taxes", lines.Select(l => l.Tax).ToArray()), ("promised", lines.Select(l => l.Promised).ToArray()));
            AddEvent(batch, eventId, orderId, "Draft", now);
            AddChanges(batch, changes, "Created", now);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            version = reader.GetFieldValue<uint>(0);
        }
        await transaction.CommitAsync(cancellationToken);
        return (orderId, version);
    }

    /// <summary>The order's page: the order and its lines; returns the version the confirm button sends.</summary>
    public async Task<uint> ReadAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var connection = await app.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        Add(batch, "SELECT set_config('erp.tenant_id', @tenant_text, true)", ("tenant_text", company.TenantId.ToString()));
        Add(batch, "SELECT xmin, number, status, customer_id, total_amount FROM sales_orders WHERE tenant_id = @tenant AND id = @id", ("tenant", company.TenantId), ("id", orderId));
        Add(batch, "SELECT line_number, product_id, quantity, unit_price, net_amount FROM sales_order_lines WHERE tenant_id = @tenant AND order_id = @id ORDER BY line_number",
            ("tenant", company.TenantId), ("id", orderId));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException($"Order {orderId} is not there.");
        var version = reader.GetFieldValue<uint>(0);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) { }
        return version;
    }

    /// <summary>Confirms the draft: true when every line was reserved, false when one was short (nothing kept).</summary>
    public async Task<bool> ConfirmAsync(Guid orderId, uint version, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = await app.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int products;
        NpgsqlBatchCommand reserve;
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            Add(batch, "SELECT set_config('erp.tenant_id', @tenant_text, true)", ("tenant_text", company.TenantId.ToString()));
            Add(batch, "SELECT status, customer_id, total_amount FROM sales_orders WHERE tenant_id = @tenant AND id = @id", ("tenant", company.TenantId), ("id", orderId));
            Add(batch, """
                SELECT c.credit_limit,
                    (SELECT coalesce(sum(o.total_amount - o.invoiced_amount), 0) FROM sales_orders o
                     WHERE o.tenant_id = @tenant AND o.customer_id = c.id AND o.id <> @id AND o.status IN ('Approved', 'Confirmed', 'PartiallyDelivered', 'Delivered')
                       AND o.total_amount > o.invoiced_amount),
                    (SELECT coalesce(sum(i.total_amount - i.received_amount - i.credited_amount), 0) FROM sales_invoices i WHERE i.tenant_id = @tenant AND i.customer_id = c.id)
                FROM customers c WHERE c.tenant_id = @tenant AND c.id = (SELECT customer_id FROM sales_orders WHERE tenant_id = @tenant AND id = @id)
                """, ("tenant", company.TenantId), ("id", orderId));
            Add(batch, """
                SELECT id FROM products WHERE tenant_id = @tenant AND id IN (SELECT product_id FROM sales_order_lines WHERE tenant_id = @tenant AND order_id = @id)
                ORDER BY id FOR NO KEY UPDATE
                """, ("tenant", company.TenantId), ("id", orderId));
            Add(batch, """
                INSERT INTO stock_warehouse_balances (id, tenant_id, product_id, warehouse_id, on_hand, reserved, on_order, planned, updated_at)
                SELECT gen_random_uuid(), @tenant, l.product_id, @warehouse, 0, 0, 0, 0, @now
                FROM (SELECT DISTINCT product_id FROM sales_order_lines WHERE tenant_id = @tenant AND order_id = @id) l
                ORDER BY l.product_id
                ON CONFLICT (tenant_id, product_id, warehouse_id) DO NOTHING
                """, ("tenant", company.TenantId), ("id", orderId), ("warehouse", company.WarehouseId), ("now", now));
            reserve = Add(batch, """
                UPDATE stock_warehouse_balances w SET reserved = w.reserved + l.quantity, updated_at = @now
                FROM (SELECT product_id, sum(base_quantity) AS quantity FROM sales_order_lines WHERE tenant_id = @tenant AND order_id = @id GROUP BY product_id) l
                WHERE w.tenant_id = @tenant AND w.product_id = l.product_id AND w.warehouse_id = @warehouse AND w.on_hand - w.reserved >= l.quantity
                """, ("tenant", company.TenantId), ("id", orderId), ("warehouse", company.WarehouseId), ("now", now));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || reader.GetString(0) != "Draft") throw new InvalidOperationException($"Order {orderId} is not a draft.");
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.GetDecimal(1) + reader.GetDecimal(2) > reader.GetDecimal(0)) throw new InvalidOperationException("The order would need credit approval.");
            await reader.NextResultAsync(cancellationToken);
            products = 0;
            while (await reader.ReadAsync(cancellationToken)) products++;
            while (await reader.NextResultAsync(cancellationToken)) { }
        }
        if (reserve.RecordsAffected != products)
        {
            // Short: nothing is kept; the refusal names what is available, as the application's message does.
            await transaction.RollbackAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection);
            Add(batch, "SELECT set_config('erp.tenant_id', @tenant_text, true)", ("tenant_text", company.TenantId.ToString()));
            Add(batch, """
                SELECT l.line_number, w.on_hand - w.reserved FROM sales_order_lines l
                JOIN stock_warehouse_balances w ON w.tenant_id = l.tenant_id AND w.product_id = l.product_id AND w.warehouse_id = @warehouse
                WHERE l.tenant_id = @tenant AND l.order_id = @id AND w.on_hand - w.reserved < l.base_quantity
                """, ("tenant", company.TenantId), ("id", orderId), ("warehouse", company.WarehouseId));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            while (await reader.NextResultAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) { }
            }
            return false;
        }

        var eventId = Guid.CreateVersion7();
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            Add(batch, """
                INSERT INTO stock_reservations (id, tenant_id, product_id, warehouse_id, location_id, batch_number, quantity, required_on,
                    source_type, source_id, source_number, source_line, created_at, user_id)
                SELECT gen_random_uuid(), @tenant, l.product_id, @warehouse, @no_location, @no_batch, l.base_quantity, l.promised_date,
                    @source_type, o.id, o.number, l.line_number, @now, @user
                FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id
                WHERE l.tenant_id = @tenant AND l.order_id = @id
                ORDER BY l.product_id
                """,
                ("tenant", company.TenantId), ("id", orderId), ("warehouse", company.WarehouseId), ("no_location", Inventory.StockConsts.NoLocation),
                ("no_batch", Inventory.StockConsts.NoBatch), ("source_type", SalesConsts.OrderSource), ("now", now), ("user", company.AdminUserId));
            var confirm = Add(batch, """
                UPDATE sales_orders SET status = 'Confirmed', exchange_rate = 1, confirmed_at = @now, changed_at = @now, revision = revision + 1
                WHERE tenant_id = @tenant AND id = @id AND xmin = @version
                """, ("tenant", company.TenantId), ("id", orderId), ("now", now), ("version", new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Xid, Value = version }));
            AddEvent(batch, eventId, orderId, "Confirmed", now);
            AddChanges(batch, [
                ("SalesOrder", orderId.ToString(), Json(("Status", "Confirmed"), ("ExchangeRate", 1m), ("ConfirmedAt", now), ("ChangedAt", now))),
                ("SalesOrderEvent", eventId.ToString(), Json(("DocumentId", orderId), ("Status", "Confirmed"), ("At", now), ("UserId", company.AdminUserId))),
            ], "Updated", now);
            await batch.ExecuteNonQueryAsync(cancellationToken);
            if (confirm.RecordsAffected != 1) throw new InvalidOperationException($"Order {orderId} changed since it was read.");
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private void AddEvent(NpgsqlBatch batch, Guid eventId, Guid orderId, string status, DateTimeOffset now) =>
        Add(batch, """
            INSERT INTO sales_order_events (id, tenant_id, document_id, status, at, user_id, user_name, comment)
            VALUES (@id, @tenant, @order, @status, @now, @user, 'admin', NULL)
            """, ("id", eventId), ("tenant", company.TenantId), ("order", orderId), ("status", status), ("now", now), ("user", company.AdminUserId));

    private void AddChanges(NpgsqlBatch batch, IReadOnlyList<(string Type, string Key, string Json)> changes, string changeType, DateTimeOffset now) =>
        Add(batch, """
            INSERT INTO entity_changes (id, tenant_id, audit_log_id, entity_type, entity_id, change_type, property_changes, user_id, impersonator_user_id, changed_at)
            SELECT gen_random_uuid(), @tenant, NULL, c.entity_type, c.entity_id, @change_type, c.property_changes::jsonb, @user, NULL, @now
            FROM unnest(@types, @keys, @changes) AS c(entity_type, entity_id, property_changes)
            """,
            ("tenant", company.TenantId), ("change_type", changeType), ("user", company.AdminUserId), ("now", now),
            ("types", changes.Select(c => c.Type).ToArray()), ("keys", changes.Select(c => c.Key).ToArray()), ("changes", changes.Select(c => c.Json).ToArray()));

    /// <summary>The audit trail's shape: one entry per property, its old value (none for a new row) and its new value.</summary>
    private static string Json(params (string Property, object Value)[] values) =>
        JsonSerializer.Serialize(values.Select(v => new { property = v.Property, old = (string?)null, @new = Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) }));

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            if (value is NpgsqlParameter parameter)
            {
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            else
            {
                command.Parameters.AddWithValue(name, value);
            }
        }
        batch.BatchCommands.Add(command);
        return command;
    }
}
