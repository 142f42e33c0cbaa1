package io.invoiceflow.app.kafka;

import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Closes the transactions a killed process can leave open on the embedded broker's partitions (ADR 0010): a
 * partition still in a transaction whose producer its coordinator shows with nothing in flight (Empty,
 * CompleteAbort, CompleteCommit, or not known at all) never gets the marker that ends it, and every
 * read-committed reader behind it (the projections restoring a changelog, a group's committed offsets) waits
 * forever. Where the coordinator shows it committed this very transaction, the missing commit marker is written
 * ({@link TransactionMarkers}); otherwise it is aborted as {@code kafka-transactions.sh abort} does (KIP-664). Run
 * only where no producer can be mid-transaction: on the embedded broker before any client of the app starts.
 */
final class LeftoverTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverTransactions.class);
    private static final Set<TransactionState> NOTHING_IN_FLIGHT = Set.of(TransactionState.EMPTY,
            TransactionState.COMPLETE_ABORT, TransactionState.COMPLETE_COMMIT);

    private LeftoverTransactions() {
    }

    /** One closed leftover: a partition's open transaction of a producer at an epoch, committed or aborted. */
    record Leftover(TopicPartition partition, long producerId, int producerEpoch, boolean committed) {
    }

    /**
     * Closes every leftover transaction on the embedded broker behind {@code admin} (at {@code bootstrapServers});
     * returns what it closed.
     */
    static List<Leftover> close(Admin admin, String bootstrapServers, long timeoutMillis)
            throws ExecutionException, InterruptedException, TimeoutException, IOException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                .get(timeoutMillis, TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get(timeoutMillis, TimeUnit.MILLISECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        Map<TopicPartition, List<ProducerState>> open = new HashMap<>();
        admin.describeProducers(partitions).all().get(timeoutMillis, TimeUnit.MILLISECONDS).forEach((partition, state) ->
                state.activeProducers().stream().filter(p -> p.currentTransactionStartOffset().isPresent())
                        .forEach(p -> open.computeIfAbsent(partition, k -> new ArrayList<>()).add(p)));
        List<Leftover> closed = new ArrayList<>();
        if (open.isEmpty()) {
            return closed;
        }
        List<String> ids = admin.listTransactions().all().get(timeoutMillis, TimeUnit.MILLISECONDS).stream()
                .map(TransactionListing::transactionalId).toList();
        Map<Long, TransactionDescription> coordinators = new HashMap<>();
        if (!ids.isEmpty()) {
            admin.describeTransactions(ids).all().get(timeoutMillis, TimeUnit.MILLISECONDS).values()
                    .forEach(d -> coordinators.put(d.producerId(), d));
        }
        for (Map.Entry<TopicPartition, List<ProducerState>> entry : open.entrySet()) {
            for (ProducerState producer : entry.getValue()) {
                TransactionDescription coordinator = coordinators.get(producer.producerId());
                if (coordinator != null && !NOTHING_IN_FLIGHT.contains(coordinator.state())) {
                    continue; // the coordinator is ending it and will write the markers itself
                }
                if (committedThis(coordinator, producer)) {
                    // the coordinator committed this very transaction: an abort marker would drop committed writes
                    // (CI run 19: two invoices lost from the read models), so write the commit marker it lacks
                    LOG.warn("Committing a transaction left open on {} by producer {} (epoch {}); its coordinator shows "
                            + "CompleteCommit at epoch {}", entry.getKey(), producer.producerId(), producer.producerEpoch(),
                            coordinator.producerEpoch());
                    TransactionMarkers.commit(bootstrapServers, entry.getKey(), producer.producerId(),
                            (short) producer.producerEpoch(), producer.coordinatorEpoch().orElse(-1), (int) timeoutMillis);
                    closed.add(new Leftover(entry.getKey(), producer.producerId(), producer.producerEpoch(), true));
                    continue;
                }
                LOG.warn("Aborting a transaction left open on {} by producer {} (epoch {}); its coordinator shows {}",
                        entry.getKey(), producer.producerId(), producer.producerEpoch(),
                        coordinator == null ? "no such producer" : coordinator.state() + " at epoch " + coordinator.producerEpoch());
                admin.abortTransaction(new AbortTransactionSpec(entry.getKey(), producer.producerId(),
                        (short) producer.producerEpoch(), producer.coordinatorEpoch().orElse(-1)))
                        .all().get(timeoutMillis, TimeUnit.MILLISECONDS);
                closed.add(new Leftover(entry.getKey(), producer.producerId(), producer.producerEpoch(), false));
            }
        }
        return closed;
    }

    /** The coordinator's last transaction of the producer is this one, and it committed (the epoch is bumped at its end). */
    static boolean committedThis(TransactionDescription coordinator, ProducerState producer) {
        return coordinator != null && coordinator.state() == TransactionState.COMPLETE_COMMIT
                && (coordinator.producerEpoch() == producer.producerEpoch()
                || coordinator.producerEpoch() == producer.producerEpoch() + 1);
    }
}
