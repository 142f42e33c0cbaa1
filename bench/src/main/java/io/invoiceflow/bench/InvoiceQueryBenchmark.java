package io.invoiceflow.bench;

import io.invoiceflow.projections.dashboard.Dashboard;
import io.invoiceflow.projections.dashboard.Granularity;
import io.invoiceflow.projections.list.InvoiceQuery;
import io.invoiceflow.projections.list.InvoiceRow;
import io.invoiceflow.projections.list.InvoiceTable;
import io.invoiceflow.projections.list.LiveInvoiceTable;
import io.invoiceflow.projections.list.Page;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The invoice list's query engine alone, in process, single-threaded: 100,000 rows of one tenant in the
 * column chunks the projection keeps ({@link LiveInvoiceTable}); each query run after a warm-up, with its
 * latency, its CPU time and the bytes it allocates. Also what keeping the table costs: a snapshot after one
 * changed row, and a table built from scratch (when a task starts). No HTTP, no Kafka: the engine's share of
 * a list request. The ceiling is a bare loop over the rows (objects) reading one column.
 *
 * <pre>
 * java -Xmx1g -cp bench/target/invoiceflow-bench.jar io.invoiceflow.bench.InvoiceQueryBenchmark [rows] [iterations]
 * </pre>
 */
public final class InvoiceQueryBenchmark {
    private static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private InvoiceQueryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<InvoiceRow> generated = generate(rows, new Random(7));
        LiveInvoiceTable live = new LiveInvoiceTable();
        generated.forEach(live::put);
        InvoiceTable table = live.snapshot();
        System.out.printf("%,d rows, %d iterations per query after %d warm-up, JVM %s, %d CPUs, load %.1f%n",
                rows, iterations, iterations, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| query | matches | p50 ms | p99 ms | max ms | CPU ms | KB allocated |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        List<InvoiceRow> objects = new ArrayList<>(table.rows());
        measure("ceiling: iterate the row objects, read createdAt", () -> {
            long sum = 0;
            for (InvoiceRow row : objects) {
                sum += row.createdAt().getNano();
            }
            return (int) Math.min(sum, 0) + 1;
        }, iterations);
        page("first page, default order (-createdAt)", table, null, null, null, iterations);
        page("issue example, sort -dueDate,number", table, "status in (FINALIZED, PAID) and (grossAmount"
                + " ge 1000 or q contains \"bakeri\") and dueDate lt today", "-dueDate,number", null, iterations);
        page("q contains 'sag', sort customerName", table, "q contains 'sag'", "customerName", null, iterations);
        page("overdue, sort -outstandingAmount", table, "overdue", "-outstandingAmount", null, iterations);
        page("customerName startswith 'b' (a text column: row objects)", table, "customerName startswith 'b'",
                "-grossAmount", null, iterations);
        String cursor = InvoiceQuery.parse(null, "customerName,-grossAmount", "500", null).page(table, TODAY)
                .nextCursor();
        page("page 2 by cursor, sort customerName,-grossAmount, limit 500", table, null,
                "customerName,-grossAmount", cursor, iterations);
        Random random = new Random(11);
        measure("snapshot after one changed row (one chunk re-encoded)", () -> {
            live.put(generated.get(random.nextInt(generated.size())));
            return live.snapshot().size();
        }, iterations);
        measure("table of every row from scratch (a task starting)", () -> InvoiceTable.of(generated).size(),
                Math.max(5, iterations / 10));
        measure("dashboard: one year by day, top 10", () -> Dashboard.compute(table.rows(), TODAY.minusYears(1),
                TODAY, Granularity.DAY, TODAY, 10).currencies().size(), iterations);
        InvoiceQuery all = InvoiceQuery.parse(null, "-dueDate", null, null);
        measure("CSV export of every row", () -> {
            try {
                all.writeCsv(table.rows(), TODAY, OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return rows;
        }, Math.max(5, iterations / 20));
        System.out.printf("load average at the end %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void page(String name, InvoiceTable table, String filter, String sort, String cursor,
                             int iterations) {
        measure(name, () -> {
            Page<InvoiceRow> page = InvoiceQuery.parse(filter, sort, null, cursor).page(table, TODAY);
            return (int) page.total();
        }, iterations);
    }

    private static void measure(String name, Supplier<Integer> run, int iterations) {
        int matches = 0;
        for (int i = 0; i < iterations; i++) {
            matches = run.get();
        }
        Histogram latency = new Histogram(3);
        long allocated = 0;
        long thread = Thread.currentThread().getId();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            long bytes = THREADS.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            run.get();
            latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            allocated += THREADS.getThreadAllocatedBytes(thread) - bytes;
        }
        double cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6 / iterations;
        System.out.printf("| %s | %,d | %.2f | %.2f | %.2f | %.2f | %,d |%n", name, matches,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0, cpuMillis, allocated / iterations / 1024);
    }

    /** Rows like a busy tenant's: 2 years of invoices to 2,000 customers, most finalized or paid. */
    private static List<InvoiceRow> generate(int count, Random random) {
        String[] first = {"Bakeri", "Sag", "Høvleri", "Blåbær", "Ørsta", "Åsane", "Fisk", "Bygg", "Elektro",
            "Rør", "Maling", "Transport", "Kafé", "Regnskap", "Snekker", "Tannlege"};
        String[] second = {"AS", "ANS", "Holding AS", "og Sønn AS", "Nord AS", "Vest AS", "Drift AS"};
        String[] statuses = {"DRAFT", "FINALIZED", "FINALIZED", "FINALIZED", "PAID", "PAID", "PAID", "PAID", "VOID",
            "CREDITED"};
        List<InvoiceRow> rows = new ArrayList<>(count);
        LocalDate start = TODAY.minusYears(2);
        for (int i = 0; i < count; i++) {
            int customer = random.nextInt(2000);
            String name = first[customer % first.length] + " " + first[(customer / 16) % first.length] + " "
                    + second[customer % second.length];
            // a new String per row, as rows read back from a store are
            String status = statuses[random.nextInt(statuses.length)];
            boolean draft = status.equals("DRAFT");
            LocalDate invoiceDate = start.plusDays(random.nextInt(730));
            BigDecimal net = BigDecimal.valueOf(10_000 + random.nextInt(5_000_000), 2);
            BigDecimal vat = net.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP);
            BigDecimal gross = net.add(vat);
            BigDecimal zero = new BigDecimal("0.00");
            Instant created = invoiceDate.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(i % 86_400);
            rows.add(new InvoiceRow(String.format("%08x-inv", i), draft ? null : "INV-" + (1000 + i),
                    draft ? null : 1000L + i, status, String.valueOf(10_000 + customer), name,
                    String.valueOf(910_000_000 + customer),
                    new String("NOK"), draft ? null : invoiceDate, draft ? null : invoiceDate.plusDays(14),
                    status.equals("PAID") ? invoiceDate.plusDays(10) : null, net, vat, gross,
                    status.equals("PAID") ? gross : null, status.equals("CREDITED") ? gross : zero,
                    status.equals("FINALIZED") ? gross : zero, new String("SCRATCH"), null, null, new String("nb"),
                    created, new String("user"), created, new String("user"), draft ? null : created));
        }
        return rows;
    }
}
