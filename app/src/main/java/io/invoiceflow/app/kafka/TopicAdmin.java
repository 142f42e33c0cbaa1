package io.invoiceflow.app.kafka;

import io.invoiceflow.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Creates the topics the application needs and waits until they accept writes. */
public final class TopicAdmin {

    /** How long {@code invoicing.commands} keeps records: commands are transient work items. */
    public static final Duration COMMANDS_RETENTION = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(100);

    private TopicAdmin() {
    }

    /**
     * The application's topics: {@code invoicing.events}, the permanent public event log (never deleted by time
     * or size), and {@code invoicing.commands} and {@code invoicing.distribution-jobs}, work items kept for
     * {@link #COMMANDS_RETENTION}.
     */
    public static List<NewTopic> defaultTopics(int partitions, short replicationFactor) {
        NewTopic events = new NewTopic(Topics.INVOICING_EVENTS, partitions, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
        NewTopic commands = new NewTopic(Topics.INVOICING_COMMANDS, partitions, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(COMMANDS_RETENTION.toMillis())));
        NewTopic jobs = new NewTopic(Topics.DISTRIBUTION_JOBS, partitions, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(COMMANDS_RETENTION.toMillis())));
        return List.of(events, commands, jobs);
    }

    /** How many brokers the cluster has, to cap the topics' replication factor. */
    public static int brokerCount(String bootstrapServers, Duration timeout) {
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs))) {
            return admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new KafkaException("cannot describe the Kafka cluster at " + bootstrapServers, e);
        }
    }

    /** How many partitions an existing topic has. */
    public static int partitionCount(String bootstrapServers, String topic, Duration timeout) {
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS)
                    .get(topic).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new KafkaException("cannot describe topic " + topic + " at " + bootstrapServers, e);
        }
    }

    /**
     * Creates the topics that do not exist yet (existing ones are left as they are), then waits until every
     * partition of every topic answers a latest-offset lookup.
     *
     * <p>The wait works around KAFKA-15591 (Kafka 4.4.0): an idempotent producer writing to a topic created a
     * moment before can lose records. Waiting for partition leaders does not prevent it; a successful
     * {@code listOffsets} on every partition does.
     *
     * @throws TimeoutException if the topics are not created and ready within {@code timeout}
     * @throws KafkaException if a topic cannot be created for another reason
     */
    public static void ensureTopics(String bootstrapServers, List<NewTopic> topics, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        int apiTimeoutMs = Math.max(1, deadline.remainingMillis());
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, apiTimeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, apiTimeoutMs);
        Set<String> names = topics.stream().map(NewTopic::name).collect(Collectors.toCollection(TreeSet::new));
        try (Admin admin = Admin.create(adminConfig)) {
            createMissing(admin, topics, deadline);
            awaitWritable(admin, names, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    private static void createMissing(Admin admin, List<NewTopic> topics, Deadline deadline)
            throws InterruptedException {
        Map<String, KafkaFuture<Void>> results = admin
                .createTopics(topics, new CreateTopicsOptions().timeoutMs(deadline.remainingMillis()))
                .values();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            String topic = result.getKey();
            try {
                result.getValue().get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Created topic {}", topic);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    LOG.debug("Topic {} already exists", topic);
                } else if (e.getCause() instanceof TimeoutException) {
                    throw timedOut("create topic " + topic, deadline, e.getCause());
                } else {
                    throw new KafkaException("Cannot create topic " + topic, e.getCause());
                }
            } catch (java.util.concurrent.TimeoutException e) {
                throw timedOut("create topic " + topic, deadline, e);
            }
        }
    }

    /** Retries {@code listOffsets} on every partition of every topic until one attempt succeeds for all. */
    private static void awaitWritable(Admin admin, Set<String> names, Deadline deadline)
            throws InterruptedException {
        Throwable lastFailure = null;
        for (int attempt = 1; !deadline.expired(); attempt++) {
            try {
                Map<String, TopicDescription> descriptions = admin
                        .describeTopics(names, new DescribeTopicsOptions().timeoutMs(deadline.remainingMillis()))
                        .allTopicNames().get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> latest = descriptions.values().stream()
                        .flatMap(description -> description.partitions().stream()
                                .map(partition -> new TopicPartition(description.name(), partition.partition())))
                        .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
                admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs(deadline.remainingMillis()))
                        .all().get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Topics {} ready: latest offsets of {} partitions listed after {} attempt(s)",
                        names, latest.size(), attempt);
                return;
            } catch (ExecutionException e) {
                lastFailure = e.getCause();
                LOG.debug("Attempt {} to list the latest offsets of {} failed", attempt, names, lastFailure);
            } catch (java.util.concurrent.TimeoutException e) {
                lastFailure = e;
                break;
            }
            Thread.sleep(Math.min(RETRY_BACKOFF.toMillis(), deadline.remainingMillis()));
        }
        throw timedOut("list the latest offsets of every partition of " + names, deadline, lastFailure);
    }

    private static TimeoutException timedOut(String action, Deadline deadline, Throwable cause) {
        return new TimeoutException("Could not " + action + " within " + deadline.timeout(), cause);
    }
}
