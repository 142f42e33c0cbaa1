package io.invoiceflow.app;

import io.invoiceflow.streams.bounce.BounceMailboxSettings;
import io.invoiceflow.streams.mail.MailSettings;
import io.invoiceflow.streams.recurring.SchedulerSettings;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The app's configuration: defaults, then an optional properties file ({@code INVOICEFLOW_CONFIG}),
 * then environment variables; the same key names everywhere. Validated once at start.
 *
 * @param port                  HTTP port ({@code PORT}, default 8080; 0 picks a free one)
 * @param dataDir               where embedded data lives ({@code INVOICEFLOW_DATA_DIR}, default ./data)
 * @param adminToken            the operator's bearer token ({@code INVOICEFLOW_ADMIN_TOKEN}); generated when absent
 * @param kafkaBootstrapServers an external Kafka ({@code KAFKA_BOOTSTRAP_SERVERS}); empty: embedded broker
 * @param databaseUrl           an external PostgreSQL ({@code DATABASE_URL}); empty: embedded H2 in the data dir
 * @param databaseUser          {@code DATABASE_USER}, unless the URL carries it
 * @param databasePassword      {@code DATABASE_PASSWORD}, unless the URL carries it
 * @param nodeId                this instance's name ({@code INVOICEFLOW_NODE_ID}, default the host name)
 * @param topicPartitions       partitions of the topics the app creates ({@code INVOICEFLOW_TOPIC_PARTITIONS}, default 6)
 * @param topicReplication      their replication factor ({@code INVOICEFLOW_TOPIC_REPLICATION_FACTOR}); empty:
 *                              1 on the embedded broker, else the smaller of 3 and the number of brokers
 * @param advertisedHost        the host name other instances reach this one's HTTP port at, for read-side queries
 *                              they forward ({@code INVOICEFLOW_ADVERTISED_HOST}, default 127.0.0.1)
 * @param projectionsId         the Kafka Streams application id of the projections
 *                              ({@code INVOICEFLOW_PROJECTIONS_ID}, default invoiceflow-projections); a new id
 *                              rebuilds every read model from the start of {@code invoicing.events}
 * @param viewCacheBytes        the size of the in-memory cache of views that queries read ({@code
 *                              INVOICEFLOW_VIEW_CACHE_MB}; default an eighth of the heap; 0 turns it off)
 * @param publicUrl             where browsers reach this installation ({@code INVOICEFLOW_PUBLIC_URL}), for the
 *                              invoice links in emails; empty: {@code http://localhost:<port>}
 * @param mail                  the mail settings ({@code INVOICEFLOW_SMTP_*}, {@code INVOICEFLOW_BOUNCE_ADDRESS},
 *                              {@code INVOICEFLOW_SECRET_KEY}, ...: {@link MailSettings#KEYS})
 * @param bounceMailbox         the IMAP mailbox bounces are read from ({@code INVOICEFLOW_BOUNCE_IMAP_*}); empty: none
 * @param scheduler             the morning run: {@code INVOICEFLOW_RECURRING_RUN_TIME} (local time in each tenant's
 *                              zone, default 06:15) and {@code INVOICEFLOW_RECURRING_CATCH_UP_DAYS} (default 0:
 *                              after downtime only today's missed occurrences are issued)
 * @param development           {@code INVOICEFLOW_MODE=development}: the operator may move the installation's clock
 *                              and trigger a morning run ({@code /api/v1/dev/clock}); default {@code production}
 */
public record AppConfig(int port, Path dataDir, Optional<String> adminToken, Optional<String> kafkaBootstrapServers,
                        Optional<String> databaseUrl, Optional<String> databaseUser, Optional<String> databasePassword,
                        String nodeId, int topicPartitions, Optional<Integer> topicReplication, String advertisedHost,
                        String projectionsId, long viewCacheBytes, Optional<String> publicUrl, MailSettings mail,
                        Optional<BounceMailboxSettings> bounceMailbox, SchedulerSettings scheduler,
                        boolean development) {

    /** Every setting with its default ("" = none), in README order. */
    public static final Map<String, String> KEYS;

    static {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("PORT", "8080");
        keys.put("INVOICEFLOW_DATA_DIR", "./data");
        keys.put("INVOICEFLOW_ADMIN_TOKEN", "");
        keys.put("KAFKA_BOOTSTRAP_SERVERS", "");
        keys.put("DATABASE_URL", "");
        keys.put("DATABASE_USER", "");
        keys.put("DATABASE_PASSWORD", "");
        keys.put("INVOICEFLOW_NODE_ID", "");
        keys.put("INVOICEFLOW_TOPIC_PARTITIONS", "6");
        keys.put("INVOICEFLOW_TOPIC_REPLICATION_FACTOR", "");
        keys.put("INVOICEFLOW_ADVERTISED_HOST", "127.0.0.1");
        keys.put("INVOICEFLOW_PROJECTIONS_ID", "invoiceflow-projections");
        keys.put("INVOICEFLOW_VIEW_CACHE_MB", "");
        keys.put("INVOICEFLOW_PUBLIC_URL", "");
        keys.putAll(MailSettings.KEYS);
        keys.putAll(BounceMailboxSettings.KEYS);
        keys.put("INVOICEFLOW_RECURRING_RUN_TIME", "06:15");
        keys.put("INVOICEFLOW_RECURRING_CATCH_UP_DAYS", "0");
        keys.put("INVOICEFLOW_MODE", "production");
        keys.put("INVOICEFLOW_CONFIG", "");
        KEYS = Map.copyOf(keys);
    }

    @Override
    public String toString() {
        return "AppConfig[port=" + port + ", dataDir=" + dataDir + ", kafka=" + kafkaBootstrapServers.orElse("embedded")
                + ", database=" + databaseUrl.map(AppConfig::redact).orElse("embedded H2") + ", nodeId=" + nodeId
                + ", advertisedHost=" + advertisedHost + ", projectionsId=" + projectionsId
                + ", smtp=" + mail.systemAccount().map(a -> a.host() + ":" + a.port()).orElse("local mail sink")
                + ", morningRun=" + scheduler.runTime() + ", catchUpDays=" + scheduler.catchUpDays()
                + ", mode=" + (development ? "development" : "production") + "]";
    }

    public static AppConfig fromEnvironment() {
        return load(System.getenv());
    }

    /** Defaults, then the file named by INVOICEFLOW_CONFIG (if any), then {@code env}. */
    public static AppConfig load(Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        KEYS.forEach((k, v) -> {
            if (!v.isEmpty()) {
                values.put(k, v);
            }
        });
        String file = env.get("INVOICEFLOW_CONFIG");
        if (file != null && !file.isBlank()) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("INVOICEFLOW_CONFIG: cannot read " + file + ": " + e.getMessage());
            }
            for (String key : properties.stringPropertyNames()) {
                if (!KEYS.containsKey(key)) {
                    throw new IllegalArgumentException("INVOICEFLOW_CONFIG: unknown setting " + key
                            + " (known: " + String.join(", ", KEYS.keySet()) + ")");
                }
                values.put(key, properties.getProperty(key).trim());
            }
        }
        KEYS.keySet().forEach(k -> {
            String v = env.get(k);
            if (v != null && !v.isBlank()) {
                values.put(k, v.trim());
            }
        });
        int port = integer(values, "PORT", 0, 65535);
        int partitions = integer(values, "INVOICEFLOW_TOPIC_PARTITIONS", 1, 1000);
        Optional<String> databaseUrl = opt(values, "DATABASE_URL").map(AppConfig::jdbcUrl);
        return new AppConfig(port, Path.of(values.get("INVOICEFLOW_DATA_DIR")).toAbsolutePath().normalize(),
                opt(values, "INVOICEFLOW_ADMIN_TOKEN"), opt(values, "KAFKA_BOOTSTRAP_SERVERS"), databaseUrl,
                opt(values, "DATABASE_USER").or(() -> databaseUrl.flatMap(u -> userInfo(u, 0))),
                opt(values, "DATABASE_PASSWORD").or(() -> databaseUrl.flatMap(u -> userInfo(u, 1))),
                opt(values, "INVOICEFLOW_NODE_ID").orElseGet(AppConfig::hostName), partitions,
                opt(values, "INVOICEFLOW_TOPIC_REPLICATION_FACTOR").map(v -> integer(values, "INVOICEFLOW_TOPIC_REPLICATION_FACTOR", 1, 32)),
                values.get("INVOICEFLOW_ADVERTISED_HOST"), applicationId(values.get("INVOICEFLOW_PROJECTIONS_ID")),
                viewCacheBytes(values), opt(values, "INVOICEFLOW_PUBLIC_URL").map(AppConfig::publicUrl), MailSettings.load(values),
                BounceMailboxSettings.load(values), scheduler(values), development(values.get("INVOICEFLOW_MODE")));
    }

    /** An eighth of the heap unless set: 100,000 one-page invoices' views take about 200 MB. */
    private static long viewCacheBytes(Map<String, String> values) {
        return opt(values, "INVOICEFLOW_VIEW_CACHE_MB").isEmpty() ? Runtime.getRuntime().maxMemory() / 8
                : (long) integer(values, "INVOICEFLOW_VIEW_CACHE_MB", 0, 1_000_000) << 20;
    }

    private static SchedulerSettings scheduler(Map<String, String> values) {
        LocalTime runTime;
        try {
            runTime = LocalTime.parse(values.get("INVOICEFLOW_RECURRING_RUN_TIME"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("INVOICEFLOW_RECURRING_RUN_TIME must be a local time such as 06:15, not '"
                    + values.get("INVOICEFLOW_RECURRING_RUN_TIME") + "'");
        }
        return new SchedulerSettings(runTime, integer(values, "INVOICEFLOW_RECURRING_CATCH_UP_DAYS", 0, 366),
                SchedulerSettings.defaults().tick());
    }

    private static boolean development(String mode) {
        return switch (mode) {
            case "production" -> false;
            case "development" -> true;
            default -> throw new IllegalArgumentException("INVOICEFLOW_MODE must be production or development, not '"
                    + mode + "'");
        };
    }

    /**
     * Accepts a JDBC URL ({@code jdbc:postgresql://...}, {@code jdbc:h2:...}) or the common
     * {@code postgres://user:password@host:port/db} form, which becomes a JDBC URL.
     */
    static String jdbcUrl(String url) {
        if (url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:h2:")) {
            return url;
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
            return "jdbc:postgresql://" + userInfo + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + uri.getRawPath() + query;
        }
        throw new IllegalArgumentException("DATABASE_URL must be a PostgreSQL URL (jdbc:postgresql://... or postgres://...)");
    }

    private static String publicUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("INVOICEFLOW_PUBLIC_URL must be an http(s) URL such as https://invoices.example.com, not '"
                + url + "'");
    }

    private static String applicationId(String id) {
        if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("INVOICEFLOW_PROJECTIONS_ID must be 1-100 letters, digits, '.', '_' or '-', not '"
                    + id + "'");
        }
        return id;
    }

    /** User (0) or password (1) from {@code jdbc:postgresql://user:password@host/db}. */
    private static Optional<String> userInfo(String jdbcUrl, int part) {
        int at = jdbcUrl.indexOf('@');
        int start = jdbcUrl.indexOf("//");
        if (!jdbcUrl.startsWith("jdbc:postgresql://") || at < 0 || start < 0 || at < start) {
            return Optional.empty();
        }
        String[] info = jdbcUrl.substring(start + 2, at).split(":", 2);
        return part < info.length ? Optional.of(URLDecoder.decode(info[part], StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** The URL without credentials, for the JDBC driver and logs. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("//[^/@]*@", "//").replaceAll("(?i)password=[^&;]*", "password=***");
    }

    private static Optional<String> opt(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    private static int integer(Map<String, String> values, String key, int min, int max) {
        try {
            int value = Integer.parseInt(values.get(key));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be an integer from " + min + " to " + max + ", not '"
                + values.get(key) + "'");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "invoiceflow";
        }
    }
}
