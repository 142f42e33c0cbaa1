package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.app.AppConfig;
import io.invoiceflow.app.Invoiceflow;
import io.invoiceflow.commands.consumer.CommandConsumer;
import io.invoiceflow.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6's catch-up test (R7): the app is down for three days over a daily subscription, and on start
 * it issues what {@code INVOICEFLOW_RECURRING_CATCH_UP_DAYS} says, no more. The app runs in this JVM on
 * embedded defaults in development mode over a {@link Clock} the test moves while the app is down; the
 * morning of the first date runs while the app is up (the operator's morning run), then the app is
 * closed at 07:00 on that day and started again four days later at about 07:00: the runs of the three
 * days between were missed, and today's is late.
 *
 * <p>"No more" is checked without waiting for time to pass: once today's invoice is there, the
 * scheduler's transaction with every command of the catch-up is committed (they are issued together);
 * once the write side's command consumer has no lag on {@code invoicing.commands}, every one of them
 * was handled; a change recorded after that (a new customer) is read back with {@code waitFor}, and with
 * one partition the read side has every event stored before it.
 */
class RecurringCatchUpIT {
    private static final String OPERATOR = "ifa_recurring-catch-up-operator-0123456789";
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void shouldIssueOnlyTodaysOccurrence_whenTheAppWasDownThreeDaysWithoutACatchUpWindow(@TempDir Path dataDir)
            throws Exception {
        // given a daily subscription from tomorrow (D1), no catch-up, and the app down over D2, D3 and D4
        // when it starts again on D5 after 06:15
        List<LocalDate> produced = downThreeDays(dataDir, 0);

        // then D1 (run while up) and D5 (today, late) are produced; D2-D4 are skipped
        LocalDate first = produced.get(0);
        assertThat(produced).containsExactly(first, first.plusDays(4));
    }

    @Test
    void shouldIssueTheMissedDatesInsideTheWindowOnly_whenTheCatchUpWindowIsTwoDays(@TempDir Path dataDir)
            throws Exception {
        // given a daily subscription from tomorrow (D1), a catch-up of two days, and the app down over D2-D4
        // when it starts again on D5 after 06:15
        List<LocalDate> produced = downThreeDays(dataDir, 2);

        // then D1, and D3, D4 and D5 (today and the two days before) are produced; D2 is too old
        LocalDate first = produced.get(0);
        assertThat(produced).containsExactly(first, first.plusDays(2), first.plusDays(3), first.plusDays(4));
    }

    /**
     * Runs D1's morning with the app up, stops it at 07:00, starts it again four days later and waits
     * until the late run is handled; returns the dates of the recurring invoices, in order.
     */
    private static List<LocalDate> downThreeDays(Path dataDir, int catchUpDays) throws Exception {
        ShiftedClock clock = new ShiftedClock();
        Map<String, String> env = Map.of("PORT", "0", "INVOICEFLOW_DATA_DIR", dataDir.toString(),
                "INVOICEFLOW_ADMIN_TOKEN", OPERATOR, "INVOICEFLOW_TOPIC_PARTITIONS", "1",
                "INVOICEFLOW_MODE", "development", "INVOICEFLOW_RECURRING_CATCH_UP_DAYS", String.valueOf(catchUpDays));
        LocalDate first = LocalDate.now(clock.withZone(OSLO)).plusDays(1);
        TenantFixture tenant;
        try (Invoiceflow app = Invoiceflow.start(AppConfig.load(env), clock)) {
            ApiClient api = new ApiClient(app.port());
            tenant = TenantFixture.create(api, OPERATOR);
            RecurringContract.createSubscription(tenant, """
                    {"name": "Daily delivery", "pattern": {"frequency": "DAILY", "interval": 1}, "firstDate": "%s",
                     "lines": [{"description": "Delivery", "quantity": 1, "unitPrice": "100.00", "vatRate": 25}],
                     "subscribers": [{"customerNumber": "%s"}]}""".formatted(first, TenantFixture.CUSTOMER));
            morningRun(api, tenant, first);
            await().atMost(PATIENCE).until(() -> recurringInvoices(tenant).size() == 1);
            // the app stops at 07:00 on D1
            api.put("/api/v1/dev/clock").token(OPERATOR).json("{\"now\": \"" + at(first, 7) + "\"}").send();
        }

        // three days later, plus one: D5 at about 07:00
        clock.shift(Duration.ofDays(4));
        LocalDate today = first.plusDays(4);
        try (Invoiceflow app = Invoiceflow.start(AppConfig.load(env), clock)) {
            ApiClient api = new ApiClient(app.port());
            TenantFixture restarted = tenant.on(api);
            JsonNode run = morningRun(api, restarted, today);
            assertThat(run.path("completed").asBoolean()).as("%s", run).isTrue();
            await().atMost(PATIENCE).until(() -> recurringInvoices(restarted).stream()
                    .anyMatch(i -> today.toString().equals(i.path("invoiceDate").asText())));
            awaitCommandsHandled(app);
            restarted.marker();
            List<LocalDate> dates = recurringInvoices(restarted).stream()
                    .map(i -> LocalDate.parse(i.path("invoiceDate").asText())).sorted().toList();
            assertThat(dates.get(0)).as("D1, issued while the app was up").isEqualTo(first);
            return dates;
        }
    }

    private static Instant at(LocalDate date, int hour) {
        return date.atTime(hour, 0).atZone(OSLO).toInstant();
    }

    private static JsonNode morningRun(ApiClient api, TenantFixture tenant, LocalDate date) {
        ApiResponse run = api.post("/api/v1/tenants/" + tenant.id + "/dev/morning-run").token(OPERATOR)
                .json("{\"date\": \"" + date + "\"}").send();
        assertThat(run.status()).as("%s", run).isEqualTo(200);
        return run.json();
    }

    private static List<JsonNode> recurringInvoices(TenantFixture tenant) {
        ApiResponse page = tenant.get("/invoices?limit=500&filter="
                + URLEncoder.encode("origin eq RECURRING", StandardCharsets.UTF_8));
        if (page.status() != 200) {
            return List.of();
        }
        List<JsonNode> rows = new ArrayList<>();
        page.json().path("items").forEach(rows::add);
        return rows;
    }

    /**
     * Waits until the write side's command consumer has handled every committed command on
     * invoicing.commands: nothing but transaction markers is left after its committed offsets.
     */
    private static void awaitCommandsHandled(Invoiceflow app) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers()));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                     new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INVOICING_COMMANDS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(CommandConsumer.GROUP_ID).partitionsToOffsetAndMetadata().get();
                partitions.forEach(p -> consumer.seek(p, committed.get(p) == null ? 0 : committed.get(p).offset()));
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                int unhandled = 0;
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                    unhandled += consumer.poll(Duration.ofMillis(200)).count();
                }
                return unhandled == 0;
            });
        }
    }

    /** The real time moved on by a shift the test sets while the app is down. */
    private static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        void shift(Duration by) {
            shift = shift.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), shift);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }
}
