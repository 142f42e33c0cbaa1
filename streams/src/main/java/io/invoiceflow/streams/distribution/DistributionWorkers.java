package io.invoiceflow.streams.distribution;

import io.invoiceflow.events.Topics;
import io.invoiceflow.projections.ViewJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The distribution workers: threads in one consumer group on {@code invoicing.distribution-jobs},
 * each handling its jobs one by one and committing a job's offset (asynchronously) only once its
 * outcome is recorded.
 * A worker that dies mid-job leaves the job to the next one (at least once); the write side tells
 * that one whether the email may still be sent. A job that fails in this process (the database is
 * down, a bug) is retried in place with backoff, never skipped.
 */
public final class DistributionWorkers implements AutoCloseable {
    public static final String GROUP_ID = "invoiceflow-distribution-workers";
    private static final Logger LOG = LoggerFactory.getLogger(DistributionWorkers.class);

    private final List<Worker> workers = new ArrayList<>();
    private final JobHandler handler;
    private final AtomicLong handled = new AtomicLong();

    private DistributionWorkers(JobHandler handler) {
        this.handler = handler;
    }

    /** @param sessionTimeout how long the broker waits for a silent (killed) worker before it gives its partitions to another */
    public static DistributionWorkers start(String bootstrapServers, Duration sessionTimeout, JobHandler handler,
                                            int threads) {
        DistributionWorkers pool = new DistributionWorkers(handler);
        for (int i = 0; i < threads; i++) {
            Worker worker = pool.new Worker(bootstrapServers, sessionTimeout, i);
            pool.workers.add(worker);
            worker.thread.start();
        }
        return pool;
    }

    /** Jobs handled since start (their offsets are committed asynchronously, and at the latest on close). */
    public long handledCount() {
        return handled.get();
    }

    private final class Worker implements Runnable {
        final KafkaConsumer<String, byte[]> consumer;
        final Thread thread;
        /** Offsets of the jobs handled to the end and not yet known to be committed (the consumer's thread only). */
        final Map<TopicPartition, OffsetAndMetadata> handledOffsets = new HashMap<>();
        volatile boolean running = true;

        Worker(String bootstrapServers, Duration sessionTimeout, int index) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
            // a job may wait up to ~2 min for an SMTP server; 20 of them must fit in one poll interval
            props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(45).toMillis());
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP_ID + "-" + index);
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            thread = new Thread(this, "distribution-worker-" + index);
        }

        @Override
        public void run() {
            try {
                consumer.subscribe(List.of(Topics.DISTRIBUTION_JOBS), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        commitHandled(); // the next owner starts after the last job this one finished
                        // committed or not, they are the next owner's now: a later commit here would move it back
                        handledOffsets.keySet().removeAll(partitions);
                    }

                    @Override
                    public void onPartitionsLost(Collection<TopicPartition> partitions) {
                        handledOffsets.keySet().removeAll(partitions); // another owner has them already
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    }
                });
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (!handleWithRetry(record)) {
                            return;
                        }
                        // asynchronous: a commit that a crash loses hands the job out again, and the write side
                        // then refuses to render an invoice's or order's email twice (ADR 0009); a notice or a
                        // summary is sent again, with the same Message-ID (ADR 0260)
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        OffsetAndMetadata next = new OffsetAndMetadata(record.offset() + 1);
                        handledOffsets.put(partition, next);
                        consumer.commitAsync(Map.of(partition, next), this::committed);
                        handled.incrementAndGet();
                    }
                }
            } catch (WakeupException e) {
                if (running) {
                    throw e;
                }
            } catch (RuntimeException e) {
                LOG.error("A distribution worker stopped", e);
            } finally {
                commitHandled();
                consumer.close(Duration.ofSeconds(5));
            }
        }

        private void committed(Map<TopicPartition, OffsetAndMetadata> offsets, Exception error) {
            if (error == null) {
                offsets.forEach((partition, offset) -> handledOffsets.remove(partition, offset)); // unless a later one came
            } else {
                LOG.debug("An asynchronous commit of {} failed; the next commit covers it", offsets, error);
            }
        }

        /** Commits, synchronously, what this worker handled and has not seen committed. */
        private void commitHandled() {
            if (handledOffsets.isEmpty()) {
                return;
            }
            try {
                consumer.commitSync(Map.copyOf(handledOffsets));
                handledOffsets.clear();
            } catch (RuntimeException e) {
                LOG.warn("Could not commit the last handled jobs {}; they will be handed out again", handledOffsets, e);
            }
        }

        private boolean handleWithRetry(ConsumerRecord<String, byte[]> record) {
            DistributionJob job;
            try {
                job = ViewJson.read(record.value(), DistributionJob.class);
            } catch (UncheckedIOException | IllegalArgumentException e) {
                LOG.warn("Skipped an unreadable distribution job at {}-{}@{}", record.topic(), record.partition(),
                        record.offset());
                return true;
            }
            long backoff = 200;
            while (running) {
                try {
                    handler.handle(job);
                    return true;
                } catch (RuntimeException e) {
                    LOG.warn("Distribution job {} failed; retrying in {} ms", job.jobId(), backoff, e);
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                    backoff = Math.min(backoff * 2, 30_000);
                }
            }
            return false;
        }
    }

    @Override
    public void close() {
        workers.forEach(w -> {
            w.running = false;
            w.consumer.wakeup();
        });
        for (Worker w : workers) {
            try {
                w.thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
