package io.invoiceflow.bench;

import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SampleDocuments;
import io.invoiceflow.documents.pdf.Layout;
import io.invoiceflow.documents.pdf.PdfRenderer;
import io.invoiceflow.documents.pdf.Template;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * FOP rendering alone (issue "Documents and distribution", performance (a); results in docs/benchmarks/documents.md):
 * the standard one-page invoice (the sample invoice, 3 lines, PDF/A-3b, embedded subset DejaVu fonts) rendered by one
 * shared {@link PdfRenderer}, warm (after {@code --warmup-documents}), from 1 and then 2 threads, each window
 * {@code --documents} documents, repeated {@code --rounds} times (the summary table gives medians). Per window: documents/s (wall clock), CPU ms per
 * document of the rendering threads ({@link ThreadMXBean#getThreadCpuTime}) and of the whole JVM (GC and JIT
 * included). The same windows with {@link PdfRenderer#withFopFontLoading} show what sharing the parsed fonts saves.
 * Then the heap after a full GC before and after {@code --memory-documents} more documents, sampled every
 * fifth of the way, to show that it does not grow.
 *
 * <pre>java -Xmx1g -cp bench/target/invoiceflow-bench.jar io.invoiceflow.bench.DocumentsBenchmark
 *     [--warmup-documents 3000] [--documents 1000] [--rounds 3] [--layout classic] [--memory-documents 20000] [--jfr target/jfr]</pre>
 */
public final class DocumentsBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final PdfRenderer renderer;
    private final Document invoice = SampleDocuments.of(DocumentKind.INVOICE, Language.NB);
    private final Template template;

    private DocumentsBenchmark(PdfRenderer renderer, Layout layout) {
        this.renderer = renderer;
        this.template = Template.standard(layout);
    }

    public static void main(String[] args) throws Exception {
        int documents = 1000;
        int rounds = 3;
        int warmup = 3000;
        int memoryDocuments = 20_000;
        Layout layout = Layout.CLASSIC;
        Path jfr = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--documents" -> documents = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup-documents" -> warmup = Integer.parseInt(args[++i]);
                case "--memory-documents" -> memoryDocuments = Integer.parseInt(args[++i]);
                case "--layout" -> layout = Layout.of(args[++i]);
                case "--jfr" -> jfr = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --documents N --rounds N --warmup-documents N --layout classic|modern|compact --memory-documents N --jfr DIR");
            }
        }
        THREADS.setThreadCpuTimeEnabled(true);
        System.out.printf(Locale.ROOT, "documents benchmark: %s, %d cores, %s, max heap %d MB, load %.2f%n",
                Machine.cpuModel(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20, Machine.loadAverage()[0]);
        long start = System.nanoTime();
        DocumentsBenchmark bench = new DocumentsBenchmark(PdfRenderer.create(Clock.systemUTC()), layout);
        byte[] first = bench.renderer.render(bench.invoice, bench.template);
        System.out.printf(Locale.ROOT, "cold start: renderer + first document %.0f ms, PDF %d bytes, layout %s%n",
                (System.nanoTime() - start) / 1e6, first.length, layout.id());

        // the same windows with FOP loading the fonts itself per document, for comparison (ADR 0123)
        DocumentsBenchmark fopFonts = new DocumentsBenchmark(PdfRenderer.withFopFontLoading(Clock.systemUTC()), layout);
        bench.window("warm-up", 2, warmup, System.out);
        fopFonts.window("warm-up (FOP font loading)", 2, warmup / 2, System.out);
        // rounds alternate the configurations so that both see the same noise; the summary takes the median
        Profiler profiler = new Profiler(jfr);
        java.util.Map<String, List<Result>> results = new java.util.LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (int threads : new int[]{1, 2}) {
                String name = threads + "-thread" + (threads > 1 ? "s" : "");
                if (round == rounds) {
                    profiler.start("documents-" + name);
                }
                results.computeIfAbsent(name, k -> new ArrayList<>()).add(bench.window(name + " round " + round, threads, documents, System.out));
                if (round == rounds) {
                    profiler.stop("documents-" + name);
                }
                results.computeIfAbsent(name + " (FOP font loading)", k -> new ArrayList<>())
                        .add(fopFonts.window(name + " (FOP font loading) round " + round, threads, documents, System.out));
            }
        }
        System.out.println();
        System.out.println("| configuration | documents/s | CPU ms per document, rendering threads | CPU ms per document, whole JVM |");
        System.out.println("|---|---|---|---|");
        results.forEach((name, list) -> System.out.printf(Locale.ROOT, "| %s | %.1f (%s) | %.2f (%s) | %.2f (%s) |%n", name,
                median(list, Result::documentsPerSecond), range(list, Result::documentsPerSecond),
                median(list, Result::renderCpuMs), range(list, Result::renderCpuMs),
                median(list, Result::jvmCpuMs), range(list, Result::jvmCpuMs)));
        System.out.println("(median of " + rounds + " rounds; the range in brackets)");
        bench.memory(memoryDocuments);
    }

    /** One window's figures. */
    record Result(double documentsPerSecond, double renderCpuMs, double jvmCpuMs) {
    }

    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> value) {
        double[] v = results.stream().mapToDouble(value).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String range(List<Result> results, java.util.function.ToDoubleFunction<Result> value) {
        var stats = results.stream().mapToDouble(value).summaryStatistics();
        return String.format(Locale.ROOT, "%.1f-%.1f", stats.getMin(), stats.getMax());
    }

    /** Renders {@code total} documents from {@code threads} threads and prints the window's figures. */
    private Result window(String name, int threads, int total, java.io.PrintStream out) throws InterruptedException {
        AtomicLong remaining = new AtomicLong(total);
        AtomicLong documents = new AtomicLong();
        AtomicLongArray cpu = new AtomicLongArray(threads);
        CountDownLatch started = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            Thread worker = new Thread(() -> {
                started.countDown();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                while (remaining.getAndDecrement() > 0) {
                    renderer.render(invoice, template);
                    documents.incrementAndGet();
                }
                cpu.set(slot, THREADS.getCurrentThreadCpuTime() - cpuStart);
            }, "bench-render-" + t);
            workers.add(worker);
        }
        long gcBefore = gcMillis();
        long processBefore = OS.getProcessCpuTime();
        long[] machineBefore = Machine.procStat();
        long wallStart = System.nanoTime();
        workers.forEach(Thread::start);
        started.await();
        for (Thread w : workers) {
            w.join();
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        long n = documents.get();
        long renderCpu = 0;
        for (int t = 0; t < threads; t++) {
            renderCpu += cpu.get(t);
        }
        double processCpu = (OS.getProcessCpuTime() - processBefore) / 1e6;
        long[] machineAfter = Machine.procStat();
        double machineBusy = machineAfter[1] == machineBefore[1] ? 0
                : Runtime.getRuntime().availableProcessors() * (double) (machineAfter[0] - machineBefore[0])
                / (machineAfter[1] - machineBefore[1]);
        if (out != null) {
            out.printf(Locale.ROOT, "%-28s %6d documents in %5.1f s: %7.1f documents/s | CPU per document: rendering"
                            + " threads %5.2f ms, whole JVM %5.2f ms | GC %d ms | machine busy %.2f of %d cores, load %.2f%n",
                    name, n, wall, n / wall, renderCpu / 1e6 / n, processCpu / n, gcMillis() - gcBefore, machineBusy,
                    Runtime.getRuntime().availableProcessors(), Machine.loadAverage()[0]);
        }
        return new Result(n / wall, renderCpu / 1e6 / n, processCpu / n);
    }

    /** Heap after full GC, before and during {@code count} documents from two threads. */
    private void memory(int count) throws InterruptedException {
        long before = heapAfterGc();
        System.out.printf(Locale.ROOT, "memory: heap after GC before %d documents: %.1f MB%n", count, before / 1e6);
        int step = Math.max(1, count / 5);
        for (int done = 0; done < count; done += step) {
            int batch = Math.min(step, count - done);
            Thread a = new Thread(() -> renderMany(batch / 2), "bench-render-mem-0");
            Thread b = new Thread(() -> renderMany(batch - batch / 2), "bench-render-mem-1");
            a.start();
            b.start();
            a.join();
            b.join();
            System.out.printf(Locale.ROOT, "memory: heap after GC after %6d documents: %.1f MB%n", done + batch,
                    heapAfterGc() / 1e6);
        }
    }

    private void renderMany(int n) {
        for (int i = 0; i < n; i++) {
            renderer.render(invoice, template);
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
