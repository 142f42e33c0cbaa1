package io.invoiceflow.app.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An in-process, single-node Kafka broker in KRaft mode (combined broker and controller) on loopback.
 *
 * <p>The log directory is formatted on first start; later starts on the same directory reuse its
 * cluster id, node id and data, and the listener ports of the last start when they are still free (else new
 * ones): a restarted broker that moved finds its own endpoint stale in the metadata it recovers, and its
 * transaction coordinator then could not reach it to complete the transactions the previous process left open.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Bounds {@link #start(Path)}: a cold start takes a few seconds on a small, loaded machine. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The consumers' session timeout on this broker. The broker dies with the process, and when it is killed the
     * restarted broker still counts the dead consumers as group members until their sessions expire: with the
     * clients' default (45 s) every restart after a crash waited that long before anything was consumed.
     * Heartbeats on loopback do not get lost, so a short session costs little: only a pause of more than 10 s
     * (a long GC, a starved machine) makes a group rebalance.
     */
    public static final Duration CLIENT_SESSION_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String LOOPBACK = "127.0.0.1";
    private static final int KAFKA_DEFAULT_PORT = 9092;
    private static final int INITIAL_NODE_ID = 1;
    /** In the log directory (Kafka reads only its subdirectories as logs): {@code brokerPort,controllerPort}. */
    private static final String PORTS_FILE = "invoiceflow-listener-ports";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    // One coordinator partition per internal topic is plenty on one node and keeps the first use fast.
    // Never change it for an existing directory: coordinators are found by hashing onto these partitions.
    private static final String INTERNAL_TOPIC_PARTITIONS = "1";
    // The cleaner's dedupe buffer is on-heap and 128 MiB by default.
    private static final long CLEANER_DEDUPE_BUFFER_BYTES = 2L * 1024 * 1024;
    private static final Duration READINESS_POLL_INTERVAL = Duration.ofMillis(100);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String clusterId;
    private final Path logDir;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, String clusterId, Path logDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
        this.logDir = logDir;
    }

    /** Starts a broker on {@code logDir}, waiting at most {@link #DEFAULT_STARTUP_TIMEOUT} until it serves clients. */
    public static EmbeddedKafkaBroker start(Path logDir) {
        return start(logDir, DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * Starts a broker on {@code logDir} (formatting it first if it is new) and waits until it serves clients.
     *
     * <p>Kafka treats a controller that fails to start (for example one whose quorum is not ready within
     * {@code startupTimeout}) as a fatal fault and halts the JVM, as a standalone broker process would exit. Keep
     * the timeout generous: a healthy single node starts in a few seconds.
     *
     * @throws IllegalStateException if the broker cannot start or is not ready within {@code startupTimeout}
     * @throws UncheckedIOException if the log directory cannot be created or read
     */
    public static EmbeddedKafkaBroker start(Path logDir, Duration startupTimeout) {
        return start(logDir, startupTimeout, true);
    }

    /** {@link #start(Path, Duration)}, optionally without closing leftover transactions (for their test). */
    static EmbeddedKafkaBroker start(Path logDir, Duration startupTimeout, boolean closeLeftovers) {
        Deadline deadline = Deadline.after(startupTimeout);
        Path dir = logDir.toAbsolutePath().normalize();
        StorageIdentity identity = formatIfNeeded(dir);
        int[] ports = listenerPorts(dir);
        int brokerPort = ports[0];
        int controllerPort = ports[1];
        String bootstrapServers = LOOPBACK + ":" + brokerPort;

        KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(new KafkaConfig(
                    brokerConfig(dir, identity.nodeId(), brokerPort, controllerPort, startupTimeout), false), Time.SYSTEM);
        } catch (RuntimeException e) {
            throw startFailure(dir, startupTimeout, e);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrapServers, identity.clusterId(), dir);
        try {
            server.startup();
            int timeoutMs = Math.max(1, deadline.remainingMillis());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs))) {
                awaitReady(admin, bootstrapServers, identity.nodeId(), deadline);
                savePorts(dir, brokerPort, controllerPort);
                if (closeLeftovers) {
                    closeLeftoverTransactions(admin, bootstrapServers, deadline);
                }
            }
        } catch (RuntimeException e) {
            IllegalStateException failure = startFailure(dir, startupTimeout, e);
            try {
                broker.close();
            } catch (RuntimeException closeFailure) {
                failure.addSuppressed(closeFailure);
            }
            throw failure;
        }
        LOG.info("Embedded Kafka broker ready on {} (cluster {}, node {}, log directory {})",
                bootstrapServers, identity.clusterId(), identity.nodeId(), dir);
        return broker;
    }

    /** The bootstrap address for clients, {@code 127.0.0.1:port}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The cluster id written when the log directory was formatted. */
    public String clusterId() {
        return clusterId;
    }

    /** Shuts the broker down and waits until it has stopped. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka broker on {} stopped (log directory {})", bootstrapServers, logDir);
    }

    private static IllegalStateException startFailure(Path dir, Duration startupTimeout, RuntimeException cause) {
        return new IllegalStateException("Embedded Kafka broker on " + dir + " failed to start (startup timeout "
                + startupTimeout + "): " + cause.getMessage(), cause);
    }

    private static Map<String, String> brokerConfig(
            Path dir, int nodeId, int brokerPort, int controllerPort, Duration startupTimeout) {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(nodeId));
        // A static voter set takes its only voter's endpoint from this config, so the port may change between starts.
        props.put("controller.quorum.voters", nodeId + "@" + LOOPBACK + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + LOOPBACK + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", dir.toString());
        props.put("metadata.log.dir", dir.toString());

        // One node: every topic, internal ones included, has one replica and needs only that one in sync.
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS);
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", INTERNAL_TOPIC_PARTITIONS);
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS);

        props.put("auto.create.topics.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(CLEANER_DEDUPE_BUFFER_BYTES));
        // Bounds Kafka's own waits in startup() for the controller quorum, metadata catch-up and unfencing.
        props.put("server.max.startup.time.ms", String.valueOf(startupTimeout.toMillis()));
        return props;
    }

    private static StorageIdentity formatIfNeeded(Path dir) {
        Optional<StorageIdentity> existing = readIdentity(dir);
        if (existing.isPresent()) {
            return existing.get();
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(formatterOutput, true, StandardCharsets.UTF_8))
                    .setClusterId(clusterId)
                    .setNodeId(INITIAL_NODE_ID)
                    .addDirectory(dir.toString())
                    .setMetadataLogDirectory(dir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log directory " + dir, e);
        }
        LOG.info("Formatted Kafka log directory {} for cluster {}", dir, clusterId);
        LOG.debug("Kafka storage formatter output: {}", formatterOutput.toString(StandardCharsets.UTF_8).strip());
        return new StorageIdentity(clusterId, INITIAL_NODE_ID);
    }

    /** Reads the cluster id and node id that formatting wrote to {@code meta.properties}, if any. */
    private static Optional<StorageIdentity> readIdentity(Path dir) {
        MetaPropertiesEnsemble ensemble;
        try {
            Files.createDirectories(dir);
            ensemble = new MetaPropertiesEnsemble.Loader()
                    .addLogDirs(List.of(dir.toString()))
                    .addMetadataLogDir(dir.toString())
                    .load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Kafka log directory " + dir, e);
        }
        if (!ensemble.errorLogDirs().isEmpty()) {
            throw new IllegalStateException("Cannot read meta.properties in the Kafka log directory " + dir);
        }
        if (ensemble.logDirProps().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StorageIdentity(ensemble.clusterId().orElseThrow(), ensemble.nodeId().orElseThrow()));
    }

    /** The ports saved in the log directory if both are valid and free, else two free ones. */
    private static int[] listenerPorts(Path dir) {
        Path saved = dir.resolve(PORTS_FILE);
        try {
            if (Files.isRegularFile(saved)) {
                String[] parts = Files.readString(saved, StandardCharsets.US_ASCII).trim().split(",");
                int[] ports = {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
                if (ports[0] > 0 && ports[0] <= 65535 && ports[1] > 0 && ports[1] <= 65535 && ports[0] != ports[1]
                        && isFree(ports[0]) && isFree(ports[1])) {
                    return ports;
                }
                LOG.warn("The broker's previous ports {} and {} are not free; it moves to new ones. Transactions a"
                        + " crashed process left open may then wait for their timeout", ports[0], ports[1]);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the broker's previous ports from {}; it takes new ones", saved, e);
        }
        return freeLoopbackPorts(2);
    }

    /** Saves the ports of a broker that started, for the next start (atomically: a crash leaves the old file). */
    private static void savePorts(Path dir, int brokerPort, int controllerPort) {
        Path saved = dir.resolve(PORTS_FILE);
        Path next = dir.resolve(PORTS_FILE + ".next");
        try {
            Files.writeString(next, brokerPort + "," + controllerPort + "\n", StandardCharsets.US_ASCII);
            Files.move(next, saved, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot save the broker's ports in {}; the next start may take other ones", saved, e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Picks distinct free ports on loopback; the sockets are held until all are found so that none repeats. */
    private static int[] freeLoopbackPorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            InetAddress loopback = InetAddress.getByName(LOOPBACK);
            int[] ports = new int[count];
            int found = 0;
            while (found < count) {
                ServerSocket socket = new ServerSocket(0, 1, loopback);
                held.add(socket);
                if (socket.getLocalPort() != KAFKA_DEFAULT_PORT) {
                    ports[found++] = socket.getLocalPort();
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free ports on " + LOOPBACK, e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    LOG.debug("Cannot close probe socket on port {}", socket.getLocalPort(), e);
                }
            }
        }
    }

    /** ADR 0010: a killed process may leave transactions no marker will ever end; nothing of ours runs yet. */
    private static void closeLeftoverTransactions(Admin admin, String bootstrapServers, Deadline deadline) {
        try {
            List<LeftoverTransactions.Leftover> closed = LeftoverTransactions.close(admin, bootstrapServers,
                    Math.max(1, deadline.remainingMillis()));
            if (!closed.isEmpty()) {
                LOG.warn("Closed {} transaction(s) a previous process left open: {}", closed.size(), closed);
            }
        } catch (ExecutionException | TimeoutException | IOException e) {
            LOG.warn("Could not close the transactions a previous process left open; readers may wait for them", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for leftover transactions", e);
        }
    }

    /** Waits until the broker answers a cluster description that lists it as an available node. */
    private static void awaitReady(Admin admin, String bootstrapServers, int nodeId, Deadline deadline) {
        Throwable lastFailure = null;
        try {
            while (!deadline.expired()) {
                int remaining = deadline.remainingMillis();
                try {
                    boolean listed = admin.describeCluster(new DescribeClusterOptions().timeoutMs(remaining))
                            .nodes().get(remaining, TimeUnit.MILLISECONDS)
                            .stream().map(Node::id).anyMatch(id -> id == nodeId);
                    if (listed) {
                        return;
                    }
                } catch (ExecutionException e) {
                    lastFailure = e.getCause();
                } catch (TimeoutException e) {
                    lastFailure = e;
                    break;
                }
                Thread.sleep(READINESS_POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded Kafka broker", e);
        }
        throw new IllegalStateException("Broker " + nodeId + " on " + bootstrapServers
                + " did not appear in the cluster description in time", lastFailure);
    }

    private record StorageIdentity(String clusterId, int nodeId) {
    }
}
