package io.invoiceflow.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU accounting around a measured window: this JVM's process CPU
 * ({@code com.sun.management.OperatingSystemMXBean#getProcessCpuTime}), the whole machine's busy
 * time from {@code /proc/stat} (PostgreSQL, this JVM and everything else running, other builds
 * included), the PostgreSQL processes' CPU from {@code /proc/<pid>/stat}, and every Java thread's
 * CPU time (grouped by name, so that the broker, the load driver and the app can be told apart).
 */
final class Machine {
    static final long CLK_TCK = 100; // USER_HZ on Linux x86-64
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private Machine() {
    }

    record ThreadSample(String name, long cpuNanos) {
    }

    record Snapshot(long nanos, long processCpuNanos, long busyTicks, long totalTicks, long postgresTicks,
                    Map<Integer, Long> postgresBenchTicks,
                    Map<Long, ThreadSample> threads, long gcMillis, long gcCount, Map<String, Long> pg,
                    double load1) {
    }

    static Snapshot take(Postgres pg) {
        Map<String, Long> counters = pg == null ? Map.of() : pg.counters();
        java.util.Set<Integer> benchPids = pg == null ? null : pg.benchProcesses();
        long[] stat = procStat();
        Map<Long, ThreadSample> threads = new HashMap<>();
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (infos[i] != null && cpu >= 0) {
                threads.put(ids[i], new ThreadSample(infos[i].getThreadName(), cpu));
            }
        }
        long gcMillis = 0;
        long gcCount = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
            gcCount += Math.max(0, gc.getCollectionCount());
        }
        Map<Integer, Long> benchTicks = new HashMap<>();
        long pgTicks = postgresTicks(benchPids, benchTicks);
        return new Snapshot(System.nanoTime(), OS.getProcessCpuTime(), stat[0], stat[1], pgTicks, benchTicks, threads,
                gcMillis, gcCount, counters, loadAverage()[0]);
    }

    /** {busy, total} jiffies of all CPUs; busy = total - idle - iowait. */
    static long[] procStat() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    /**
     * utime + stime of {every process named postgres, those of them in {@code benchPids}} (backends,
     * walwriter, checkpointer, ...).
     */
    static long postgresTicks(java.util.Set<Integer> benchPids, Map<Integer, Long> benchTicks) {
        long sum = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path proc : procs) {
                try {
                    String comm = Files.readString(proc.resolve("comm"), StandardCharsets.US_ASCII).trim();
                    if (!comm.equals("postgres")) {
                        continue;
                    }
                    long ticks = ticksOf(Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII));
                    sum += ticks;
                    int pid = Integer.parseInt(proc.getFileName().toString());
                    if (benchPids == null || benchPids.contains(pid)) {
                        benchTicks.put(pid, ticks);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    /**
     * utime + stime in ticks of each of this process's OS threads, summed by name with digits as {@code #}
     * ({@code /proc/self/task}): unlike {@link ThreadMXBean}, it also sees the JVM's GC and JIT threads and
     * native ones such as RocksDB's compaction threads. Names are the kernel's, at most 15 characters.
     */
    /** utime + stime (fields 14 and 15) of a {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat} line. */
    private static long ticksOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static Map<String, Long> taskTicks() {
        Map<String, Long> byName = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    byName.merge(group(name), ticksOf(stat), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byName;
    }

    /** The largest {@code n} differences of two {@link #taskTicks()}, as "name share %", of their sum. */
    static String topTasks(Map<String, Long> before, Map<String, Long> after, int n) {
        Map<String, Double> delta = new HashMap<>();
        after.forEach((name, ticks) -> {
            long d = ticks - before.getOrDefault(name, 0L);
            if (d > 0) {
                delta.put(name, (double) d);
            }
        });
        double sum = delta.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder out = new StringBuilder();
        sortDesc(delta).entrySet().stream().limit(n).forEach(e -> out.append(out.length() == 0 ? "" : ", ")
                .append(e.getKey().strip()).append(String.format(" %.0f %%", 100 * e.getValue() / sum)));
        return out.toString();
    }

    static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[]{Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            return new double[]{-1, -1, -1};
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** CPU used between two snapshots. */
    record Window(double wallSeconds, double jvmCpuSeconds, double machineBusySeconds, double machineCores,
                  double postgresCpuSeconds, double postgresAllCpuSeconds, Map<String, Double> threadGroupSeconds, double jvmInternalSeconds,
                  long gcCount, double gcSeconds, Map<String, Long> pgDelta, double load1Start, double load1End) {

        static Window between(Snapshot a, Snapshot b) {
            double wall = (b.nanos() - a.nanos()) / 1e9;
            long totalTicks = b.totalTicks() - a.totalTicks();
            double busy = (b.busyTicks() - a.busyTicks()) / (double) CLK_TCK;
            double cores = totalTicks <= 0 ? 0 : (double) Runtime.getRuntime().availableProcessors() * (b.busyTicks() - a.busyTicks()) / totalTicks;
            Map<String, Double> groups = new HashMap<>();
            double threadSum = 0;
            for (Map.Entry<Long, ThreadSample> e : b.threads().entrySet()) {
                ThreadSample before = a.threads().get(e.getKey());
                long delta = e.getValue().cpuNanos() - (before == null ? 0 : before.cpuNanos());
                if (delta > 0) {
                    groups.merge(group(e.getValue().name()), delta / 1e9, Double::sum);
                    threadSum += delta / 1e9;
                }
            }
            double jvm = (b.processCpuNanos() - a.processCpuNanos()) / 1e9;
            Map<String, Long> pg = new LinkedHashMap<>();
            b.pg().forEach((k, v) -> {
                Long before = a.pg().get(k);
                if (before != null) {
                    pg.put(k, v - before);
                }
            });
            // a backend that started during the window has no "before": its whole CPU counts, which is what we want
            return new Window(wall, jvm, busy, cores, benchPostgres(a, b), (b.postgresTicks() - a.postgresTicks()) / (double) CLK_TCK,
                    groups, Math.max(0, jvm - threadSum), b.gcCount() - a.gcCount(), (b.gcMillis() - a.gcMillis()) / 1e3,
                    pg, a.load1(), b.load1());
        }

        private static double benchPostgres(Snapshot a, Snapshot b) {
            long ticks = 0;
            for (Map.Entry<Integer, Long> e : b.postgresBenchTicks().entrySet()) {
                ticks += Math.max(0, e.getValue() - a.postgresBenchTicks().getOrDefault(e.getKey(), 0L));
            }
            return ticks / (double) CLK_TCK;
        }

        /** CPU seconds by category, largest first (the JVM's GC/JIT/VM threads are not Java threads: "JVM internal"). */
        Map<String, Double> byCategory() {
            Map<String, Double> out = new HashMap<>();
            threadGroupSeconds.forEach((g, s) -> out.merge(category(g), s, Double::sum));
            out.merge("JVM internal (GC, JIT, VM threads; threads that ended)", jvmInternalSeconds, Double::sum);
            return sortDesc(out);
        }

        Map<String, Double> topGroups(int n) {
            Map<String, Double> sorted = sortDesc(threadGroupSeconds);
            Map<String, Double> out = new LinkedHashMap<>();
            sorted.entrySet().stream().limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }
    }

    static Map<String, Double> sortDesc(Map<String, Double> in) {
        List<Map.Entry<String, Double>> entries = new ArrayList<>(in.entrySet());
        entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        Map<String, Double> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static String group(String threadName) {
        return DIGITS.matcher(threadName).replaceAll("#");
    }

    /** Which part of the system a thread (group) belongs to. */
    static String category(String group) {
        String g = group.toLowerCase();
        if (g.startsWith("bench-cmd-")) {
            return "command handling (driver threads calling the gateway)";
        }
        if (g.startsWith("bench-jdbc-")) {
            return "raw JDBC insert threads";
        }
        if (g.startsWith("bench-") || g.startsWith("httpclient-")) {
            return "load driver (bench threads, JDK HttpClient)";
        }
        if (g.startsWith("kafka-producer-network-thread")) {
            return "forwarder: Kafka producer I/O";
        }
        if (g.contains("kafka-forwarder") || g.startsWith("workpackage") || g.startsWith("coordinator")) {
            return "forwarder: Axon event processor";
        }
        if (g.startsWith("kafka-consumer") || g.startsWith("consumer_background")) {
            return "load driver (bench threads, JDK HttpClient)";
        }
        if (g.contains("jetty") || g.startsWith("qtp") || g.contains("javalin") || g.startsWith("virtualthread")) {
            return "HTTP server (Jetty/Javalin) incl. command handling";
        }
        if (g.contains("hikari")) {
            return "HikariCP housekeeping";
        }
        if (g.contains("eventstore") || g.contains("embeddedeventstore")) {
            return "Axon event store producer";
        }
        if (g.contains("kafka") || g.contains("raft") || g.contains("controller") || g.contains("broker")
                || g.contains("expirationreaper") || g.contains("data-plane") || g.contains("coordinator")
                || g.contains("metadata") || g.contains("quorum") || g.contains("logdir") || g.contains("cleaner")
                || g.contains("transaction") || g.contains("replica") || g.contains("scheduler")
                || g.contains("remote-log") || g.contains("share-") || g.contains("persister")) {
            return "Kafka broker (in-process)";
        }
        if (g.startsWith("main")) {
            return "bench main thread";
        }
        return "other Java threads";
    }
}
