package io.invoiceflow.commands.consumer;

import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads {@code invoicing.commands} and sends each command to the write side: how the stream
 * processors (distribution, the recurring-invoice scheduler) act without calling Axon. At least
 * once: a record's offset is committed after its command was handled, so a crash repeats the
 * commands since the last commit; they are safe to repeat (their aggregate ids are deterministic,
 * and a repeat is refused as ALREADY_EXISTS or changes nothing). A refused command is logged and
 * skipped; a failure of the write side itself (the database is down) stops the consumer at that
 * record and retries it with backoff, so nothing is skipped. So does STALE_VERSION for a command that
 * names no expected version: it only lost its append races to concurrent writers of the same
 * aggregate, and it would succeed a moment later (a command naming a version it no longer matches is
 * refused: it never will).
 */
public final class CommandConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandConsumer.class);
    public static final String GROUP_ID = "invoiceflow-command-consumer";

    private final Dispatch writeSide;
    private final CommandRecords records;
    private final List<Worker> workers = new ArrayList<>();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    /** Where the consumer sends each command: {@link WriteSide#send}. */
    @FunctionalInterface
    public interface Dispatch {
        void send(Object command, CommandContext context);
    }

    private CommandConsumer(Dispatch writeSide, CommandRecords records) {
        this.writeSide = writeSide;
        this.records = records;
    }

    /**
     * Starts {@code threads} consumers in one group (at most one per partition does work).
     *
     * @param sessionTimeout how long the broker waits for a silent consumer (one that was killed) before it
     *                       gives its partitions to another
     */
    public static CommandConsumer start(String bootstrapServers, Duration sessionTimeout, WriteSide writeSide,
                                        CommandRecords records, int threads) {
        return start(bootstrapServers, sessionTimeout, writeSide::send, records, threads);
    }

    /** As {@link #start(String, Duration, WriteSide, CommandRecords, int)}, with any dispatch in front of the write side. */
    public static CommandConsumer start(String bootstrapServers, Duration sessionTimeout, Dispatch writeSide,
                                        CommandRecords records, int threads) {
        CommandConsumer consumer = new CommandConsumer(writeSide, records);
        for (int i = 0; i < threads; i++) {
            Worker worker = consumer.new Worker(bootstrapServers, sessionTimeout, i);
            consumer.workers.add(worker);
            worker.thread.start();
        }
        return consumer;
    }

    public long handledCount() {
        return handled.get();
    }

    public long refusedCount() {
        return refused.get();
    }

    public long duplicateCount() {
        return duplicates.get();
    }

    public long unreadableCount() {
        return unreadable.get();
    }

    private final class Worker implements Runnable {
        final KafkaConsumer<String, byte[]> consumer;
        final Thread thread;
        volatile boolean running = true;

        Worker(String bootstrapServers, Duration sessionTimeout, int index) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP_ID + "-" + index);
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            thread = new Thread(this, "command-consumer-" + index);
        }

        @Override
        public void run() {
            try {
                consumer.subscribe(List.of(Topics.INVOICING_COMMANDS));
                while (running) {
                    ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
                    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                    for (ConsumerRecord<String, byte[]> record : batch) {
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        if (!handleWithRetry(record)) {
                            break; // stopping
                        }
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                    if (!done.isEmpty()) {
                        consumer.commitSync(done);
                    }
                }
            } catch (WakeupException e) {
                if (running) {
                    throw e;
                }
            } catch (RuntimeException e) {
                LOG.error("The command consumer stopped", e);
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }

        /** Handles one record; retries a write-side failure or lost races until it passes or the consumer stops. */
        private boolean handleWithRetry(ConsumerRecord<String, byte[]> record) {
            long backoffMillis = 100;
            while (running) {
                try {
                    handle(record);
                    return true;
                } catch (LostRaces e) {
                    LOG.info("Command at {}-{}@{} lost its append races ({}); retrying in {} ms", record.topic(),
                            record.partition(), record.offset(), e.getMessage(), backoffMillis);
                } catch (RuntimeException e) {
                    LOG.warn("Command at {}-{}@{} failed in the write side; retrying in {} ms", record.topic(),
                            record.partition(), record.offset(), backoffMillis, e);
                }
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
            return false;
        }

        private void handle(ConsumerRecord<String, byte[]> record) {
            Optional<CommandRecords.Received> received;
            try {
                received = records.read(record.headers(), record.value());
            } catch (IOException e) {
                received = Optional.empty();
            }
            if (received.isEmpty()) {
                unreadable.incrementAndGet();
                LOG.warn("Skipped a record of {} that is not an accepted command ({}-{}@{})", Topics.INVOICING_COMMANDS,
                        record.topic(), record.partition(), record.offset());
                return;
            }
            CommandRecords.Received command = received.get();
            try {
                writeSide.send(command.command(), new CommandContext(
                        command.actor() == null ? "system:unknown" : command.actor(),
                        command.requestId() == null ? command.commandId() : command.requestId(), command.tenantId()));
                handled.incrementAndGet();
            } catch (DomainException e) {
                if (e.code() == ErrorCode.STALE_VERSION && command.command() instanceof AggregateCommand addressed
                        && addressed.expectedVersion() == null) {
                    throw new LostRaces(e); // retried with backoff
                }
                if (e.code() == ErrorCode.ALREADY_EXISTS) {
                    duplicates.incrementAndGet();
                    LOG.debug("Command {} {} was a repeat", command.command().getClass().getSimpleName(), command.commandId());
                } else {
                    refused.incrementAndGet();
                    LOG.info("Command {} {} was refused: {} {}", command.command().getClass().getSimpleName(),
                            command.commandId(), e.code(), e.getMessage());
                }
            }
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** A command that lost its append races to concurrent writers: not refused, to be tried again. */
    private static final class LostRaces extends RuntimeException {
        LostRaces(DomainException cause) {
            super(cause.getMessage(), cause);
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
                w.thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
