package io.invoiceflow.projections;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.events.Topics;
import io.invoiceflow.events.customer.CustomerChanged;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.customer.CustomerRegistered;
import io.invoiceflow.events.distribution.DistributionBounced;
import io.invoiceflow.events.distribution.DistributionFailed;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.DistributionRendered;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionSent;
import io.invoiceflow.events.distribution.DistributionTrigger;
import io.invoiceflow.events.distributionlist.DistributionEntryRemoved;
import io.invoiceflow.events.distributionlist.DistributionEntrySet;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceDraftChanged;
import io.invoiceflow.events.invoice.InvoiceDraftDeleted;
import io.invoiceflow.events.invoice.InvoiceDrafted;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.invoice.InvoicePaid;
import io.invoiceflow.events.order.OrderContent;
import io.invoiceflow.events.order.OrderCreated;
import io.invoiceflow.events.order.OrderInvoiced;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.projections.history.AuditEntry;
import io.invoiceflow.projections.history.HistoryEntry;
import io.invoiceflow.projections.list.InvoiceRow;
import io.invoiceflow.projections.views.AttentionItem;
import io.invoiceflow.projections.views.DistributionLog;
import io.invoiceflow.projections.views.InvoiceView;
import io.invoiceflow.projections.views.OrderView;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionsTopologyTest {
    private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");
    private static final TenantId TENANT = new TenantId("3f6c2a1e-8b4d-4e7a-9c21-5d8e0f4a7b13");
    private static final TenantId OTHER = new TenantId("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path stateDir;
    private final List<Driver> drivers = new ArrayList<>();
    private final Feed feed = new Feed(START);

    @AfterEach
    void close() {
        drivers.forEach(d -> d.driver.close());
    }

    @Test
    void shouldFoldAnInvoiceThroughItsLifecycle_whenItsEventsArrive() {
        // given
        Driver d = driver("lifecycle");
        InvoiceId invoice = InvoiceId.random();

        // when
        d.pipe(feed.event(invoice.value(), drafted(TENANT, invoice, "10001", "Bryggen Bakeri AS", "100.00"), "user-1"));
        d.pipe(feed.event(invoice.value(), finalized(TENANT, invoice, 1001), "user-2"));
        d.pipe(feed.event(invoice.value(), new InvoicePaid(invoice, TENANT, DAY, d("125.00"), "NOK"), "user-3"));

        // then the view is the paid invoice at version 2
        byte[] stored = d.store(ReadStores.VIEWS).get(ReadStores.view(TENANT.value(), "invoice", invoice.value()));
        assertThat(ReadStores.viewVersion(stored)).isEqualTo(2);
        InvoiceView view = ViewJson.read(ReadStores.viewJson(stored), InvoiceView.class);
        assertThat(view.status()).isEqualTo("PAID");
        assertThat(view.number()).isEqualTo("INV-1001");
        assertThat(view.paidAmount()).isEqualByComparingTo("125.00");
        assertThat(view.createdBy()).isEqualTo("user-1");
        assertThat(view.updatedBy()).isEqualTo("user-3");
        assertThat(view.updatedAt()).isEqualTo(START.plusSeconds(3));
        // the list row follows it
        assertThat(d.lists.rows(TENANT.value())).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("PAID");
            assertThat(row.numberSequence()).isEqualTo(1001);
            assertThat(row.outstandingAmount()).isEqualByComparingTo("0");
        });
        // the history has every event with who, when and what changed
        List<HistoryEntry> history = d.history(TENANT, invoice.value());
        assertThat(history).extracting(HistoryEntry::event)
                .containsExactly("InvoiceDrafted", "InvoiceFinalized", "InvoicePaid");
        assertThat(history).extracting(HistoryEntry::actor).containsExactly("user-1", "user-2", "user-3");
        assertThat(history.get(1).changes()).anySatisfy(c -> {
            assertThat(c.path()).isEqualTo("status");
            assertThat(c.before().asText()).isEqualTo("DRAFT");
            assertThat(c.after().asText()).isEqualTo("FINALIZED");
        });
        assertThat(history.get(1).changes()).extracting(c -> c.path()).doesNotContain("updatedAt", "updatedBy");
        // and the audit trail has them in time order
        assertThat(d.audit(TENANT)).extracting(AuditEntry::event)
                .containsExactly("InvoiceDrafted", "InvoiceFinalized", "InvoicePaid");
        assertThat(d.progress.appliedCount()).isEqualTo(3);
    }

    @Test
    void shouldRecordFieldLevelChanges_whenADraftIsEdited() {
        // given
        Driver d = driver("edit");
        InvoiceId invoice = InvoiceId.random();
        d.pipe(feed.event(invoice.value(), drafted(TENANT, invoice, "10001", "Bryggen Bakeri AS", "100.00"), "user-1"));

        // when the line's price and the customer's name change
        d.pipe(feed.event(invoice.value(), new InvoiceDraftChanged(invoice, TENANT,
                Feed.content("10001", "Bryggen Bakeri og Kafé AS", "120.00", null)), "user-1"));

        // then the change names each field with its value before and after
        HistoryEntry edit = d.history(TENANT, invoice.value()).get(1);
        assertThat(edit.changes()).extracting(c -> c.path() + ": " + text(c.before()) + " -> " + text(c.after()))
                .contains("customer.name: Bryggen Bakeri AS -> Bryggen Bakeri og Kafé AS",
                        "lines[0].unitPrice: 100.00 -> 120.00",
                        "totals.grossAmount: 125.00 -> 150.00");
    }

    @Test
    void shouldKeepTheHistoryButNotTheView_whenADraftIsDeleted() {
        // given
        Driver d = driver("delete");
        InvoiceId invoice = InvoiceId.random();
        d.pipe(feed.event(invoice.value(), drafted(TENANT, invoice, "10001", "Bryggen Bakeri AS", "100.00"), "user-1"));

        // when
        d.pipe(feed.event(invoice.value(), new InvoiceDraftDeleted(invoice, TENANT), "user-1"));

        // then
        assertThat(d.store(ReadStores.VIEWS).get(ReadStores.view(TENANT.value(), "invoice", invoice.value()))).isNull();
        assertThat(d.lists.rows(TENANT.value())).isEmpty();
        assertThat(d.history(TENANT, invoice.value())).extracting(HistoryEntry::event)
                .containsExactly("InvoiceDrafted", "InvoiceDraftDeleted");
    }

    @Test
    void shouldAnswerEachReadWithTheLatestView_whenViewsReadThroughTheCacheAreWrittenAndDeleted() {
        // given two drafts, each read once through the cache
        Driver d = driver("view-cache");
        InvoiceId kept = InvoiceId.random();
        InvoiceId deleted = InvoiceId.random();
        d.pipe(feed.event(kept.value(), drafted(TENANT, kept, "10001", "Bryggen Bakeri AS", "100.00"), "user-1"));
        d.pipe(feed.event(deleted.value(), drafted(TENANT, deleted, "10002", "Fjord Fisk AS", "50.00"), "user-1"));
        assertThat(ViewJson.read(ReadStores.viewJson(d.cachedView("invoice", kept)), InvoiceView.class).status())
                .isEqualTo("DRAFT");
        assertThat(d.cachedView("invoice", deleted)).isNotNull();
        assertThat(d.viewCache.size()).isEqualTo(2);

        // when one is finalized and the other deleted
        d.pipe(feed.event(kept.value(), finalized(TENANT, kept, 1001), "user-2"));
        d.pipe(feed.event(deleted.value(), new InvoiceDraftDeleted(deleted, TENANT), "user-1"));

        // then reads through the cache see the finalized invoice and no deleted draft
        byte[] stored = d.cachedView("invoice", kept);
        assertThat(ReadStores.viewVersion(stored)).isEqualTo(1);
        assertThat(ViewJson.read(ReadStores.viewJson(stored), InvoiceView.class).number()).isEqualTo("INV-1001");
        assertThat(d.cachedView("invoice", deleted)).isNull();
        assertThat(d.viewCache.size()).isEqualTo(1);
    }

    @Test
    void shouldChangeNothing_whenEveryEventIsDeliveredTwice() {
        // given a tenant's events folded once
        Driver d = driver("replay");
        List<TestRecord<String, byte[]>> events = someHistory();
        events.forEach(d::pipe);
        Map<String, Map<String, String>> once = d.snapshot();

        // when the whole topic is delivered again (at-least-once)
        events.forEach(d::pipe);

        // then nothing changed and every repeat was recognised
        assertThat(d.snapshot()).isEqualTo(once);
        assertThat(d.progress.duplicateCount()).isEqualTo(events.size());
        assertThat(d.progress.gapCount()).isZero();
    }

    @Test
    void shouldBuildTheSameReadModels_whenRebuiltFromTheTopic() {
        // given the live read models
        Driver live = driver("live");
        List<TestRecord<String, byte[]>> events = someHistory();
        events.forEach(live::pipe);

        // when a fresh topology folds the same topic from the start
        Driver rebuilt = driver("rebuilt");
        events.forEach(rebuilt::pipe);

        // then every store holds the same bytes, and the lists the same rows
        assertThat(rebuilt.snapshot()).isEqualTo(live.snapshot());
        assertThat(rebuilt.lists.rows(TENANT.value())).containsExactlyInAnyOrderElementsOf(live.lists.rows(TENANT.value()));
    }

    @Test
    void shouldKeepTenantsApart_whenTheyShareAPartition() {
        // given two tenants' invoices
        Driver d = driver("tenants");
        InvoiceId ours = InvoiceId.random();
        InvoiceId theirs = InvoiceId.random();

        // when
        d.pipe(feed.event(ours.value(), drafted(TENANT, ours, "10001", "Bryggen Bakeri AS", "100.00"), "user-1"));
        d.pipe(feed.event(theirs.value(), drafted(OTHER, theirs, "20001", "Fisketorget AS", "50.00"), "user-9"));

        // then
        assertThat(d.lists.rows(TENANT.value())).extracting(InvoiceRow::invoiceId).containsExactly(ours.value());
        assertThat(d.lists.rows(OTHER.value())).extracting(InvoiceRow::invoiceId).containsExactly(theirs.value());
        assertThat(d.audit(TENANT)).extracting(AuditEntry::aggregateId).containsExactly(ours.value());
        assertThat(d.store(ReadStores.VIEWS).get(ReadStores.view(TENANT.value(), "invoice", theirs.value()))).isNull();
    }

    @Test
    void shouldLinkTheOrderToItsInvoice_whenTheOrderIsInvoiced() {
        // given
        Driver d = driver("order");
        OrderId order = OrderId.random();
        InvoiceId invoice = InvoiceId.random();
        InvoiceContent c = Feed.content("10001", "Bryggen Bakeri AS", "100.00", null);
        d.pipe(feed.event(order.value(), new OrderCreated(order, TENANT, new OrderContent(c.customer(), c.contacts(),
                null, null, "nb", "NOK", c.lines(), c.totals())), "seller"));

        // when
        d.pipe(feed.event(order.value(), new OrderInvoiced(order, TENANT, invoice), "accountant"));
        d.pipe(feed.event(invoice.value(), new InvoiceDrafted(invoice, TENANT,
                new InvoiceOrigin(InvoiceOrigin.Kind.ORDER, order.value()), c), "accountant"));

        // then
        byte[] stored = d.store(ReadStores.VIEWS).get(ReadStores.view(TENANT.value(), "order", order.value()));
        OrderView view = ViewJson.read(ReadStores.viewJson(stored), OrderView.class);
        assertThat(view.status()).isEqualTo("INVOICED");
        assertThat(view.invoiceId()).isEqualTo(invoice.value());
        assertThat(d.lists.rows(TENANT.value())).singleElement().extracting(InvoiceRow::orderId).isEqualTo(order.value());
    }

    @Test
    void shouldCompareWithThePreviousState_whenACustomerIsChanged() {
        // given
        Driver d = driver("customer");
        String aggregate = TENANT.value() + "/customer/10001";
        CustomerNumber number = new CustomerNumber("10001");
        d.pipe(feed.event(aggregate, new CustomerRegistered(TENANT, number,
                new CustomerDetails("Bryggen Bakeri AS", null, "nb", "post@bryggen.no", null, List.of())), "user-1"));

        // when
        d.pipe(feed.event(aggregate, new CustomerChanged(TENANT, number,
                new CustomerDetails("Bryggen Bakeri AS", null, "en", "faktura@bryggen.no", null, List.of())), "user-2"));

        // then only the two edited fields are changes
        assertThat(d.history(TENANT, aggregate).get(1).changes())
                .extracting(c -> c.path() + ": " + text(c.before()) + " -> " + text(c.after()))
                .containsExactly("details.invoiceLanguage: nb -> en", "details.email: post@bryggen.no -> faktura@bryggen.no");
    }

    @Test
    void shouldShowTheAddressBeforeAndAfter_whenADistributionEntryIsChangedRemovedAndSetAgain() {
        // given
        Driver d = driver("distribution");
        String aggregate = TENANT.value() + "/distribution/10001";
        CustomerNumber number = new CustomerNumber("10001");

        // when
        d.pipe(feed.event(aggregate, new DistributionEntrySet(TENANT, number, "post@bryggen.no"), "user-1"));
        d.pipe(feed.event(aggregate, new DistributionEntrySet(TENANT, number, "faktura@bryggen.no"), "user-2"));
        d.pipe(feed.event(aggregate, new DistributionEntryRemoved(TENANT, number), "user-2"));
        d.pipe(feed.event(aggregate, new DistributionEntrySet(TENANT, number, "post@bryggen.no"), "user-1"));

        // then
        List<HistoryEntry> history = d.history(TENANT, aggregate);
        assertThat(history).extracting(HistoryEntry::aggregateKind).containsOnly("distributionlist");
        assertThat(history).extracting(e -> e.event() + " " + e.changes().stream()
                        .map(c -> c.path() + ": " + text(c.before()) + " -> " + text(c.after())).toList())
                .containsExactly(
                        "DistributionEntrySet [tenantId: null -> " + TENANT.value()
                                + ", customerNumber: null -> 10001, email: null -> post@bryggen.no]",
                        "DistributionEntrySet [email: post@bryggen.no -> faktura@bryggen.no]",
                        "DistributionEntryRemoved [email: faktura@bryggen.no -> null]",
                        "DistributionEntrySet [email: null -> post@bryggen.no]");
    }

    @Test
    void shouldKeepAnEventInTheHistory_whenItsTypeIsNewerThanThisCode() {
        // given
        Driver d = driver("unknown");
        String aggregate = "6b1f0c9e-2a3d-4e5f-8a7b-9c0d1e2f3a4b";

        // when
        d.pipe(feed.raw(aggregate, 0, "io.invoiceflow.frequency.FrequencyCreated.v1", TENANT.value(), "user-1",
                START.plusSeconds(5), ("{\"tenantId\":\"" + TENANT.value() + "\",\"name\":\"Hver 2. uke\"}")
                        .getBytes(StandardCharsets.UTF_8)));

        // then
        HistoryEntry entry = d.history(TENANT, aggregate).get(0);
        assertThat(entry.event()).isEqualTo("FrequencyCreated");
        assertThat(entry.aggregateKind()).isEqualTo("frequency");
        assertThat(entry.changes()).extracting(c -> c.path()).contains("name");
    }

    @Test
    void shouldSkipARecord_whenItIsNotAnInvoiceflowEvent() {
        // given
        Driver d = driver("foreign");

        // when a record without CloudEvents headers arrives
        d.input.pipeInput(new TestRecord<>("some-key", "not json".getBytes(StandardCharsets.UTF_8), START));

        // then it is counted and nothing is stored
        assertThat(d.progress.skippedCount()).isEqualTo(1);
        assertThat(d.snapshot().values()).allSatisfy(store -> assertThat(store).isEmpty());
    }

    @Test
    void shouldLogEveryAttemptAndListTheBouncedInvoice_whenADistributionIsRetriedSentAndBounced() {
        // given a final invoice and its distribution
        Driver d = driver("distribution");
        InvoiceId invoice = InvoiceId.random();
        DistributionId distribution = finalizedAndRequested(d, invoice);

        // when attempt 1 fails for a while, attempt 2 is sent, and a notification reports a bounce
        d.pipe(feed.event(distribution.value(), rendered(distribution, invoice, 1), "system:distribution"));
        d.pipe(feed.event(distribution.value(), new DistributionFailed(distribution, TENANT, invoice, 1,
                "SMTP_TEMPORARY", "451 greylisted", false, START.plusSeconds(300)), "system:distribution"));
        d.pipe(feed.event(distribution.value(), rendered(distribution, invoice, 2), "system:distribution"));
        d.pipe(feed.event(distribution.value(), new DistributionSent(distribution, TENANT, invoice, 2, "<m@x>",
                "250 2.0.0 Ok", List.of()), "system:distribution"));
        assertThat(d.views("attention", invoice)).isNull();
        d.pipe(feed.event(distribution.value(), new DistributionBounced(distribution, TENANT, invoice,
                "kari@example.no", "DSN", "5.1.1", "user unknown"), "system:bounces"));

        // then the log has both attempts with their outcomes, and the invoice needs attention
        DistributionLog log = ViewJson.read(ReadStores.viewJson(d.views("distributionlog", invoice)), DistributionLog.class);
        assertThat(log.distributions()).singleElement().satisfies(dist -> {
            assertThat(dist.status()).isEqualTo("BOUNCED");
            assertThat(dist.trigger()).isEqualTo("FINALIZED");
            assertThat(dist.attempts()).extracting(DistributionLog.Attempt::outcome).containsExactly("FAILED", "SENT");
            assertThat(dist.attempts().get(0).errorCode()).isEqualTo("SMTP_TEMPORARY");
            assertThat(dist.attempts().get(0).retryAt()).isEqualTo(START.plusSeconds(300));
            assertThat(dist.attempts().get(1).to()).containsExactly("kari@example.no");
            assertThat(dist.attempts().get(1).emailTemplate()).isEqualTo("built-in:nb");
            assertThat(dist.bounces()).extracting(DistributionLog.Bounce::status).containsExactly("5.1.1");
        });
        AttentionItem attention = ViewJson.read(ReadStores.viewJson(d.views("attention", invoice)), AttentionItem.class);
        assertThat(attention.reason()).isEqualTo("BOUNCED");
        assertThat(attention.number()).isEqualTo("INV-1001");
        assertThat(attention.detail()).contains("kari@example.no");

        // and a re-send that is sent takes it off the list
        DistributionId resend = DistributionId.random();
        d.pipe(feed.event(resend.value(), new DistributionRequested(resend, TENANT, invoice, DistributionTrigger.RESEND,
                List.of("faktura@example.no"), List.of()), "user-1"));
        d.pipe(feed.event(resend.value(), new DistributionSent(resend, TENANT, invoice, 1, "<n@x>", "250 Ok",
                List.of()), "system:distribution"));
        assertThat(d.views("attention", invoice)).isNull();
        assertThat(ViewJson.read(ReadStores.viewJson(d.views("distributionlog", invoice)), DistributionLog.class)
                .distributions()).extracting(DistributionLog.Distribution::status).containsExactly("BOUNCED", "SENT");
    }

    @Test
    void shouldLogTheOrdersDistributionAndListItByTheOrder_whenItsConfirmationBounces() {
        // given an order and the distribution of its confirmation
        Driver d = driver("orderdistribution");
        OrderId order = OrderId.random();
        InvoiceContent c = Feed.content("10001", "Bryggen Bakeri AS", "100.00", null);
        d.pipe(feed.event(order.value(), new OrderCreated(order, TENANT, new OrderContent(c.customer(), c.contacts(),
                null, null, "nb", "NOK", c.lines(), c.totals())), "seller"));
        DistributionId distribution = DistributionId.random();
        d.pipe(feed.event(distribution.value(), new DistributionRequested(distribution, TENANT, null, order,
                DistributionTrigger.SEND, List.of(), List.of(), "compact"), "seller"));

        // when it is sent, then bounces
        d.pipe(feed.event(distribution.value(), new DistributionRendered(distribution, TENANT, null, order, 1, "EMAIL",
                List.of("kari@example.no"), List.of(), "system", "nb", "built-in:nb", "compact",
                "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f", 4000, "<m@x>"),
                "system:distribution"));
        d.pipe(feed.event(distribution.value(), new DistributionSent(distribution, TENANT, null, order, 1, "<m@x>",
                "250 Ok", List.of()), "system:distribution"));
        d.pipe(feed.event(distribution.value(), new DistributionBounced(distribution, TENANT, null, order,
                "kari@example.no", "DSN", "5.1.1", "user unknown"), "system:bounces"));

        // then the order's log names the order, not an invoice
        String logJson = new String(ReadStores.viewJson(d.views("distributionlog", order)), StandardCharsets.UTF_8);
        assertThat(logJson).contains("\"orderId\":\"" + order.value() + "\"").doesNotContain("invoiceId");
        DistributionLog log = ViewJson.read(ReadStores.viewJson(d.views("distributionlog", order)), DistributionLog.class);
        assertThat(log.orderId()).isEqualTo(order.value());
        assertThat(log.distributions()).singleElement().satisfies(dist -> {
            assertThat(dist.requestedBy()).isEqualTo("seller");
            assertThat(dist.status()).isEqualTo("BOUNCED");
            assertThat(dist.attempts()).singleElement().satisfies(a -> {
                assertThat(a.layout()).isEqualTo("compact");
                assertThat(a.outcome()).isEqualTo("SENT");
            });
        });
        // and the attention list names the order by its number
        String attentionJson = new String(ReadStores.viewJson(d.views("attention", order)), StandardCharsets.UTF_8);
        assertThat(attentionJson).doesNotContain("invoiceId");
        AttentionItem attention = ViewJson.read(ReadStores.viewJson(d.views("attention", order)), AttentionItem.class);
        assertThat(attention.orderId()).isEqualTo(order.value());
        assertThat(attention.number()).isEqualTo(order.value().substring(0, 8).toUpperCase(java.util.Locale.ROOT));
        assertThat(attention.customerName()).isEqualTo("Bryggen Bakeri AS");
        assertThat(attention.reason()).isEqualTo("BOUNCED");
    }

    @Test
    void shouldKeepTheInvoicesAttentionEntryAsItWas_whenOrdersCanBeListedToo() {
        // given an invoice whose distribution failed for good
        Driver d = driver("invoiceattention");
        InvoiceId invoice = InvoiceId.random();
        DistributionId distribution = finalizedAndRequested(d, invoice);

        // when
        d.pipe(feed.event(distribution.value(), new DistributionFailed(distribution, TENANT, invoice, 1,
                "NO_RECIPIENT", "nobody", true, null), "system:distribution"));

        // then the entry has the invoice's properties only, as before
        JsonNode entry = ViewJson.read(ReadStores.viewJson(d.views("attention", invoice)), JsonNode.class);
        List<String> names = new java.util.ArrayList<>();
        entry.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("invoiceId", "number", "customerNumber", "customerName", "distributionId",
                "reason", "errorCode", "detail", "since");
        JsonNode log = ViewJson.read(ReadStores.viewJson(d.views("distributionlog", invoice)), JsonNode.class);
        List<String> logNames = new java.util.ArrayList<>();
        log.fieldNames().forEachRemaining(logNames::add);
        assertThat(logNames).containsExactly("invoiceId", "distributions");
    }

    private static DistributionRendered rendered(DistributionId distribution, InvoiceId invoice, int attempt) {
        return new DistributionRendered(distribution, TENANT, invoice, attempt, "EMAIL", List.of("kari@example.no"),
                List.of(), "system", "nb", "built-in:nb", "classic",
                "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f", 4000, "<m@x>");
    }

    // ---- fixtures

    private List<TestRecord<String, byte[]>> someHistory() {
        for (int i = 0; i < 5; i++) {
            InvoiceId invoice = InvoiceId.random();
            feed.event(invoice.value(), drafted(TENANT, invoice, "1000" + i, "Kunde " + i, (100 + i) + ".00"), "user-1");
            if (i % 2 == 0) {
                feed.event(invoice.value(), finalized(TENANT, invoice, 1001 + i), "user-2");
            }
        }
        return feed.sent();
    }

    private static InvoiceDrafted drafted(TenantId tenant, InvoiceId invoice, String customer, String name, String net) {
        return new InvoiceDrafted(invoice, tenant, InvoiceOrigin.scratch(), Feed.content(customer, name, net, null));
    }

    private static InvoiceFinalized finalized(TenantId tenant, InvoiceId invoice, long sequence) {
        return new InvoiceFinalized(invoice, tenant, "INV-" + sequence, sequence, DAY, DAY.plusDays(14), "NOK",
                Feed.content("x", "x", "100.00", null).totals(), START);
    }

    private static java.math.BigDecimal d(String value) {
        return new java.math.BigDecimal(value);
    }

    private static String text(JsonNode node) {
        return node == null ? "null" : node.asText();
    }

    private Driver driver(String name) {
        Driver d = new Driver(stateDir.resolve(name));
        drivers.add(d);
        return d;
    }

    private static final class Driver {
        final InvoiceLists lists = new InvoiceLists();
        final ViewCache viewCache = ViewCache.ofBytes(1 << 20);
        final Progress progress = new Progress();
        final TopologyTestDriver driver;
        final TestInputTopic<String, byte[]> input;

        Driver(Path stateDir) {
            StreamsBuilder builder = new StreamsBuilder();
            ProjectionsTopology.build(builder, Stores::persistentKeyValueStore, lists, viewCache, progress,
                    Clock.fixed(START, ZoneOffset.UTC));
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "projections-test");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            driver = new TopologyTestDriver(builder.build(), props);
            input = driver.createInputTopic(Topics.INVOICING_EVENTS, new StringSerializer(), new ByteArraySerializer());
        }

        void pipe(TestRecord<String, byte[]> record) {
            input.pipeInput(record);
        }

        /** A view as a query reads it: through the view cache. */
        byte[] cachedView(String kind, InvoiceId invoice) {
            return viewCache.get(ReadStores.view(TENANT.value(), kind, invoice.value()), store(ReadStores.VIEWS)::get);
        }

        byte[] views(String kind, InvoiceId invoice) {
            return store(ReadStores.VIEWS).get(ReadStores.view(TENANT.value(), kind, invoice.value()));
        }

        byte[] views(String kind, OrderId order) {
            return store(ReadStores.VIEWS).get(ReadStores.view(TENANT.value(), kind, order.value()));
        }

        KeyValueStore<String, byte[]> store(String name) {
            return driver.getKeyValueStore(name);
        }

        List<HistoryEntry> history(TenantId tenant, String aggregateId) {
            List<HistoryEntry> entries = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> it = store(ReadStores.HISTORY).prefixScan(
                    ReadStores.historyPrefix(tenant.value(), aggregateId), new StringSerializer())) {
                it.forEachRemaining(kv -> entries.add(ViewJson.read(kv.value, HistoryEntry.class)));
            }
            return entries;
        }

        List<AuditEntry> audit(TenantId tenant) {
            List<AuditEntry> entries = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> it = store(ReadStores.AUDIT).range(
                    ReadStores.auditAt(tenant.value(), Instant.EPOCH), ReadStores.auditAt(tenant.value(), Instant.parse("2100-01-01T00:00:00Z")))) {
                it.forEachRemaining(kv -> entries.add(ViewJson.read(kv.value, AuditEntry.class)));
            }
            return entries;
        }

        /** Every store's content, values in base64, for equality checks. */
        Map<String, Map<String, String>> snapshot() {
            Map<String, Map<String, String>> all = new TreeMap<>();
            for (String name : ProjectionsTopology.STORES) {
                Map<String, String> content = new TreeMap<>();
                try (KeyValueIterator<String, byte[]> it = store(name).all()) {
                    while (it.hasNext()) {
                        KeyValue<String, byte[]> kv = it.next();
                        content.put(kv.key, Base64.getEncoder().encodeToString(kv.value));
                    }
                }
                all.put(name, content);
            }
            return all;
        }
    }

    /** A final invoice of Bryggen Bakeri AS, and the distribution its finalization requested. */
    private DistributionId finalizedAndRequested(Driver d, InvoiceId invoice) {
        DistributionId distribution = DistributionId.forFinalized(invoice);
        d.pipe(feed.event(invoice.value(), drafted(TENANT, invoice, "10001", "Bryggen Bakeri AS", "100.00"), "user-1"));
        d.pipe(feed.event(invoice.value(), finalized(TENANT, invoice, 1001), "user-1"));
        d.pipe(feed.event(distribution.value(), new DistributionRequested(distribution, TENANT, invoice,
                DistributionTrigger.FINALIZED, List.of(), List.of()), "system:distribution"));
        return distribution;
    }
}
