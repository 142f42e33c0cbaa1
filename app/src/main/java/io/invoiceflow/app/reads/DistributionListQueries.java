package io.invoiceflow.app.reads;

import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.directory.Directory.DistributionRow;
import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.distributionlist.DistributionCsv;
import io.invoiceflow.commands.distributionlist.DistributionImport;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.web.api.DistributionList;
import io.invoiceflow.web.api.Versioned;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The distribution list's reads, from the write side's {@code distribution_list} table (so they reflect
 * every command that has returned), and the plan of an import: the file read by {@link DistributionCsv}
 * and compared with the list by {@link DistributionImport}.
 */
public final class DistributionListQueries implements DistributionList {
    private final Directory directory;

    public DistributionListQueries(WriteSide writeSide) {
        this.directory = writeSide.directory();
    }

    @Override
    public Optional<Versioned<Object>> entry(TenantId tenant, CustomerNumber number) {
        return directory.distributionEntry(tenant, number).map(row -> new Versioned<>(entry(row), row.version()));
    }

    @Override
    public Page search(TenantId tenant, String query, String after, int limit) {
        List<DistributionRow> rows = directory.distributionList(tenant, query, after, limit + 1);
        List<Entry> items = rows.stream().limit(limit).map(DistributionListQueries::entry).toList();
        return new Page(items, limit, rows.size() > limit ? items.get(items.size() - 1).customerNumber() : null);
    }

    @Override
    public List<Entry> all(TenantId tenant) {
        return directory.distributionList(tenant).stream().map(DistributionListQueries::entry).toList();
    }

    @Override
    public ImportPlan plan(TenantId tenant, byte[] csv, boolean replace) {
        directory.requireTenant(tenant);
        List<DistributionCsv.Row> rows = DistributionCsv.read(csv);
        Map<CustomerNumber, String> current = new HashMap<>();
        directory.distributionList(tenant).forEach(row -> current.put(row.customerNumber(), row.email()));
        DistributionImport.Plan plan = DistributionImport.plan(rows, current,
                replace ? DistributionImport.Mode.REPLACE : DistributionImport.Mode.MERGE);
        return new ImportPlan(plan.rows().stream()
                .map(r -> new PlannedRow(r.line(), r.customerNumber(), r.email(), Outcome.valueOf(r.outcome().name()),
                        r.problems()))
                .toList(),
                plan.removals().stream().map(CustomerNumber::value).toList());
    }

    private static Entry entry(DistributionRow row) {
        return new Entry(row.customerNumber().value(), row.email(), row.version());
    }
}
