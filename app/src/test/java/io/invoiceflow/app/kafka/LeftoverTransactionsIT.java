package io.invoiceflow.app.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transactions a killed process left open (ADR 0010), on a real broker log directory kept from a CrashRecoveryIT
 * run that never got ready: six partitions of the projections (its changelogs, its repartition topic and
 * {@code __consumer_offsets-0}) are in a transaction of producer 1 at epoch 19, which its coordinator shows as
 * Empty at epoch 22.
 */
class LeftoverTransactionsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void shouldAbortEveryTransactionNoCoordinatorWillEnd_whenTheLogDirectoryHasThem(@TempDir Path dir) throws Exception {
        // given the kept log directory, started without the repair
        unzip("/kafka/leftover-transaction-logdir.zip", dir);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, TIMEOUT, false);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {

            // when
            List<LeftoverTransactions.Leftover> aborted = LeftoverTransactions.close(admin, broker.bootstrapServers(),
                    TIMEOUT.toMillis());

            // then those six are aborted, none is left open, and a second look finds nothing
            assertThat(aborted).extracting(l -> l.partition().toString()).containsExactlyInAnyOrder(
                    "__consumer_offsets-0", "invoiceflow-projections-by-tenant-repartition-0",
                    "invoiceflow-projections-views-changelog-0", "invoiceflow-projections-positions-changelog-0",
                    "invoiceflow-projections-history-changelog-0", "invoiceflow-projections-audit-changelog-0");
            assertThat(aborted).allSatisfy(l -> {
                assertThat(l.producerId()).isEqualTo(1L);
                assertThat(l.committed()).as("Empty: the coordinator did not commit it").isFalse();
            });
            assertThat(openTransactions(admin)).isEmpty();
            assertThat(LeftoverTransactions.close(admin, broker.bootstrapServers(), TIMEOUT.toMillis())).isEmpty();
        }
    }

    @Test
    void shouldStartWithNoTransactionLeftOpen_whenTheLogDirectoryHasLeftovers(@TempDir Path dir) throws Exception {
        // given
        unzip("/kafka/leftover-transaction-logdir.zip", dir);

        // when
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, TIMEOUT);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {

            // then
            assertThat(openTransactions(admin)).isEmpty();
        }
    }

    private static List<TopicPartition> openTransactions(Admin admin) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get())
                .allTopicNames().get().forEach((topic, d) -> d.partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        List<TopicPartition> open = new ArrayList<>();
        admin.describeProducers(partitions).all().get().forEach((partition, state) -> {
            if (state.activeProducers().stream().anyMatch(p -> p.currentTransactionStartOffset().isPresent())) {
                open.add(partition);
            }
        });
        return open;
    }

    private static void unzip(String resource, Path target) throws IOException {
        try (InputStream in = LeftoverTransactionsIT.class.getResourceAsStream(resource);
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                Files.createDirectories(file.getParent());
                Files.copy(zip, file);
            }
        }
    }
}
