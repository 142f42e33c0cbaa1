package io.invoiceflow.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the CPU went in a JFR recording: jdk.ExecutionSample events aggregated by top frame (self),
 * by method anywhere on the stack (inclusive), by component (the first non-JDK frame from the top,
 * mapped to a library) and by thread group.
 *
 * <pre>java -cp bench/target/invoiceflow-bench.jar io.invoiceflow.bench.JfrSummary file.jfr [top-n] [thread-filter]</pre>
 *
 * {@code -Djfr.from=<instant> -Djfr.to=<instant>} (ISO-8601, e.g. 2026-12-01T11:02:10Z) keep only the samples taken
 * in that window, such as one window of a benchmark.
 */
public final class JfrSummary {
    private static final String[][] COMPONENTS = {
            {"org.postgresql.", "PostgreSQL JDBC driver"},
            {"com.zaxxer.hikari.", "HikariCP"},
            {"com.fasterxml.jackson.", "Jackson"},
            {"org.axonframework.", "Axon Framework"},
            {"org.apache.kafka.", "Kafka (clients + broker)"},
            {"kafka.", "Kafka (broker)"},
            {"scala.", "Kafka (broker, Scala)"},
            {"org.eclipse.jetty.", "Jetty"},
            {"io.javalin.", "Javalin"},
            {"io.invoiceflow.bench.", "load driver (bench)"},
            {"jdk.internal.net.http.", "load driver (JDK HttpClient)"},
            {"java.net.http.", "load driver (JDK HttpClient)"},
            {"io.invoiceflow.", "Invoiceflow code"},
            {"org.HdrHistogram.", "load driver (bench)"},
            {"io.micrometer.", "Micrometer"},
            {"ch.qos.logback.", "Logback"},
            {"org.slf4j.", "Logback"},
            {"com.networknt.", "JSON schema validation"},
            {"net.jpountz.", "LZ4 (Kafka compression)"},
            {"com.github.luben.", "zstd"},
    };

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrSummary file.jfr [top-n] [thread-name-substring]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        String threadFilter = args.length > 2 ? args[2] : null;
        Instant from = Instant.parse(System.getProperty("jfr.from", "0000-01-01T00:00:00Z"));
        Instant to = Instant.parse(System.getProperty("jfr.to", "9999-12-31T23:59:59Z"));
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> component = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> invoiceflow = new HashMap<>();
        long samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")
                    || e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                continue;
            }
            RecordedThread thread = e.getThread("sampledThread");
            String threadName = thread == null ? "?" : String.valueOf(thread.getJavaName());
            if (threadFilter != null && !threadName.contains(threadFilter)) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            threads.merge(Machine.group(threadName), 1L, Long::sum);
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            String comp = null;
            String firstInvoiceflow = null;
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) {
                    inclusive.merge(n, 1L, Long::sum);
                }
                String type = f.getMethod().getType().getName();
                if (comp == null) {
                    comp = component(type);
                }
                if (firstInvoiceflow == null && type.startsWith("io.invoiceflow.") && !type.startsWith("io.invoiceflow.bench.")) {
                    firstInvoiceflow = n;
                }
            }
            component.merge(comp == null ? "JDK only (no library frame)" : comp, 1L, Long::sum);
            if (firstInvoiceflow != null) {
                invoiceflow.merge(firstInvoiceflow, 1L, Long::sum);
            }
        }
        System.out.printf("%s: %d execution samples%s%n", args[0], samples,
                threadFilter == null ? "" : " on threads containing '" + threadFilter + "'");
        print("by component (first library frame from the top of the stack)", component, samples, top);
        print("by thread group", threads, samples, top);
        print("self (top frame)", self, samples, top);
        print("inclusive (method anywhere on the stack)", inclusive, samples, top);
        print("innermost Invoiceflow frame (samples under Invoiceflow code)", invoiceflow, samples, top);
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m.getType().getName() + "." + m.getName();
    }

    private static String component(String type) {
        for (String[] c : COMPONENTS) {
            if (type.startsWith(c[0])) {
                return c[1];
            }
        }
        return null;
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        System.out.println();
        System.out.println("-- " + title);
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        Map<String, Long> shown = new LinkedHashMap<>();
        entries.stream().limit(top).forEach(e -> shown.put(e.getKey(), e.getValue()));
        shown.forEach((k, v) -> System.out.printf(Locale.ROOT, "%6d %5.1f%%  %s%n", v, 100.0 * v / total, k));
    }
}
