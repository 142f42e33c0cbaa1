package io.invoiceflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Command-line options of {@link WriteSideBenchmark}. */
record BenchOptions(String databaseUrl, Duration seconds, Duration warmup, int threads, List<Integer> tenantVariants,
                    int latencyRate, Duration latencySeconds, Duration latencyWarmup, int latencyTenants,
                    Set<String> phases, Path jfrDir, Path out, boolean keepSchemas, Path workDir) {

    static final String DEFAULT_DATABASE_URL =
            "jdbc:postgresql://127.0.0.1:5432/invoiceflow_test?user=invoiceflow&password=invoiceflow";

    static final String USAGE = """
            usage: java -Xmx2g -jar bench/target/invoiceflow-bench.jar [options]
              --database-url URL     PostgreSQL JDBC URL; user and password may be query parameters
                                     (default: $INVOICEFLOW_TEST_DATABASE_URL, else %s)
              --seconds N            measured seconds per throughput phase (default 30)
              --warmup N             warm-up seconds before each throughput phase (default 15)
              --threads N            concurrent clients (default 16)
              --tenants LIST         tenant variants for (b) and (a), comma separated (default 1,16)
              --latency-rate N       finalizations per second in the latency phase (default 200)
              --latency-seconds N    measured seconds of the latency phase (default 30)
              --latency-warmup N     warm-up seconds of the latency phase at the same rate (default 10)
              --latency-tenants N    tenants the latency phase spreads its invoices over (default 16)
              --phases LIST          any of c,b,a,latency in that order (default all)
              --jfr DIR              record a JFR profile of every measured window into DIR
              --out FILE             also write the Markdown summary to FILE
              --work-dir DIR         Kafka log and app data (default: a new temp directory, deleted at the end)
              --keep-schemas         do not drop the bench_* schemas afterwards
            """.formatted(DEFAULT_DATABASE_URL);

    static BenchOptions parse(String[] args) {
        String url = System.getenv().getOrDefault("INVOICEFLOW_TEST_DATABASE_URL", DEFAULT_DATABASE_URL);
        if (url.isBlank()) {
            url = DEFAULT_DATABASE_URL;
        }
        int seconds = 30;
        int warmup = 15;
        int threads = 16;
        List<Integer> tenants = List.of(1, 16);
        int rate = 200;
        int latencySeconds = 30;
        int latencyWarmup = 10;
        int latencyTenants = 16;
        Set<String> phases = new LinkedHashSet<>(List.of("c", "b", "a", "latency"));
        Path jfr = null;
        Path out = null;
        Path work = null;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--database-url" -> url = value(args, ++i, a);
                case "--seconds" -> seconds = positive(args, ++i, a);
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, a));
                case "--threads" -> threads = positive(args, ++i, a);
                case "--tenants" -> tenants = Arrays.stream(value(args, ++i, a).split(",")).map(String::trim)
                        .map(Integer::parseInt).toList();
                case "--latency-rate" -> rate = positive(args, ++i, a);
                case "--latency-seconds" -> latencySeconds = positive(args, ++i, a);
                case "--latency-warmup" -> latencyWarmup = Integer.parseInt(value(args, ++i, a));
                case "--latency-tenants" -> latencyTenants = positive(args, ++i, a);
                case "--phases" -> {
                    phases = new LinkedHashSet<>();
                    for (String p : value(args, ++i, a).split(",")) {
                        if (!Set.of("c", "b", "a", "latency").contains(p.trim())) {
                            throw new IllegalArgumentException("unknown phase " + p + " (c, b, a, latency)");
                        }
                        phases.add(p.trim());
                    }
                }
                case "--jfr" -> jfr = Path.of(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--work-dir" -> work = Path.of(value(args, ++i, a));
                case "--keep-schemas" -> keep = true;
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        return new BenchOptions(url, Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), threads, tenants, rate,
                Duration.ofSeconds(latencySeconds), Duration.ofSeconds(latencyWarmup), latencyTenants, phases, jfr, out,
                keep, work);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int positive(String[] args, int i, String option) {
        int v = Integer.parseInt(value(args, i, option));
        if (v < 1) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return v;
    }
}
