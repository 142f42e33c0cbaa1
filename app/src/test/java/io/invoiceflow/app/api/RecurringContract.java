package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.app.Invoiceflow;
import io.invoiceflow.commands.consumer.CommandRecords;
import io.invoiceflow.events.recurring.IssueOccurrence;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.invoiceflow.app.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recurring invoices (R1-R7) and subscriptions (Q6) through the API: making an invoice recurring,
 * subscriptions with subscribers, pause, resume and stop, the template's view with the invoices it
 * produced and the next dates (R5), an occurrence issued through {@code invoicing.commands} as the
 * scheduler does it and sent, and the frequency catalogue's "in use" column.
 */
interface RecurringContract extends ApiTestContext {

    static LocalDate tomorrow() {
        return LocalDate.now(ZoneId.of("Europe/Oslo")).plusDays(1);
    }

    /** A monthly subscription from {@code first}: one custom line and one catalogue line. */
    static String subscription(LocalDate first, String... subscribers) {
        StringBuilder list = new StringBuilder();
        for (String s : subscribers) {
            list.append(list.length() == 0 ? "" : ", ").append("{\"customerNumber\": \"").append(s).append("\"}");
        }
        return """
                {"name": "Membership", "period": "MONTH", "firstDate": "%s", "paymentTerms": {"kind": "NET_14"},
                 "comments": "Thanks for being a member",
                 "lines": [{"description": "Membership fee", "quantity": 1, "unitPrice": "350.00", "vatRate": 0},
                           {"productCode": "CONSULT", "quantity": 1, "discount": {"type": "PERCENT", "value": 50}}],
                 "subscribers": [%s]}""".formatted(first, list);
    }

    /** Creates a subscription; returns its id. */
    static String createSubscription(TenantFixture tenant, String body) {
        return tenant.expect(201, tenant.post("/subscriptions", body)).json().path("recurringId").asText();
    }

    @Test
    default void shouldMakeAnInvoiceRecurringAndShowItsNextDates_whenAnInvoiceIsMadeRecurring() {
        // given a draft for customer 10001
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.draftInvoice();
        LocalDate first = tomorrow();

        // when
        ApiResponse created = tenant.post("/invoices/" + invoiceId + "/recurring",
                "{\"period\": \"MONTH\", \"firstDate\": \"" + first + "\"}");

        // then the invoice's content is the template, its customer the one subscriber
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("recurringId").asText();
        assertThat(created.location()).isEqualTo(tenant.path("/recurring/" + id));
        assertThat(created.etag()).isEqualTo("\"0\"");
        JsonNode view = created.json();
        assertThat(view.path("kind").asText()).isEqualTo("INVOICE_TEMPLATE");
        assertThat(view.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(view.path("name").asText()).isEqualTo("Bryggen Bakeri AS");
        assertThat(view.path("sourceInvoiceId").asText()).isEqualTo(invoiceId);
        assertThat(view.path("content").path("lines")).hasSize(2);
        assertThat(view.path("content").path("invoiceDate").isNull()).isTrue();
        assertThat(view.path("schedule").path("anchor").asText()).isEqualTo(first.toString());
        assertThat(view.path("subscribers").findValuesAsText("customerNumber")).containsExactly(TenantFixture.CUSTOMER);
        assertThat(view.path("nextOccurrences").get(0).path("date").asText()).isEqualTo(first.toString());
        assertThat(view.path("nextOccurrences").get(1).path("date").asText())
                .isEqualTo(first.plusMonths(1).toString());
        assertThat(view.path("invoices").isNull()).as("a command's response leaves the invoices to the read side").isTrue();
        // the read side answers with the same schedule and its (no) invoices
        ApiResponse read = tenant.get("/recurring/" + id);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.etag()).isEqualTo("\"0\"");
        assertThat(read.json().path("invoices")).isEmpty();
        assertThat(read.json().path("nextOccurrences")).isEqualTo(view.path("nextOccurrences"));
        assertThat(read.json().path("scheduleName").asText()).isEqualTo(view.path("scheduleName").asText()).isNotBlank();
    }

    @Test
    default void shouldIssueTheOccurrenceAsASentFinalInvoiceOnce_whenTheSchedulerSendsIssueOccurrence() throws Exception {
        // given a subscription of customer 10001 from tomorrow
        TenantFixture tenant = newTenant();
        LocalDate first = tomorrow();
        String id = createSubscription(tenant, subscription(first, TenantFixture.CUSTOMER));
        IssueOccurrence issue = new IssueOccurrence(new RecurringId(id), new TenantId(tenant.id), first,
                new CustomerNumber(TenantFixture.CUSTOMER));

        // when the scheduler's command arrives on invoicing.commands, twice
        try (Producer<String, byte[]> producer = producer(app())) {
            producer.send(CommandRecords.record(issue, UUID.randomUUID().toString(), tenant.id, "system:scheduler", "run-1")).get();
            producer.send(CommandRecords.record(issue, UUID.randomUUID().toString(), tenant.id, "system:scheduler", "run-2")).get();
        }

        // then one final invoice, dated on the occurrence, is produced and sent
        String invoiceId = issue.aggregateId();
        JsonNode produced = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> tenant.get("/recurring/" + id), r -> r.status() == 200 && r.json().path("invoices").size() == 1
                        && "SENT".equals(r.json().path("invoices").get(0).path("distributionStatus").asText()))
                .json();
        JsonNode entry = produced.path("invoices").get(0);
        assertThat(entry.path("invoiceId").asText()).isEqualTo(invoiceId);
        assertThat(entry.path("number").asText()).isEqualTo("INV-1001");
        assertThat(entry.path("status").asText()).isEqualTo("FINALIZED");
        assertThat(entry.path("grossAmount").asText()).isEqualTo("975.00");
        assertThat(produced.path("issuedCount").asInt()).isEqualTo(1);
        assertThat(produced.path("nextOccurrences").get(0).path("date").asText()).as("the issued date is no longer next")
                .isEqualTo(first.plusMonths(1).toString());
        JsonNode invoice = tenant.get("/invoices/" + invoiceId).json();
        assertThat(invoice.path("origin").path("kind").asText()).isEqualTo("RECURRING");
        assertThat(invoice.path("origin").path("sourceId").asText()).isEqualTo(id);
        assertThat(invoice.path("invoiceDate").asText()).isEqualTo(first.toString());
        assertThat(invoice.path("dueDate").asText()).isEqualTo(first.plusDays(14).toString());
        assertThat(invoice.path("customer").path("name").asText()).isEqualTo("Bryggen Bakeri AS");
        ApiResponse page = tenant.get("/recurring/" + id + "/invoices?limit=1");
        assertThat(page.json().path("items")).hasSize(1);
        assertThat(page.json().path("total").asInt()).isEqualTo(1);
        assertThat(tenant.get("/recurring/" + id + "/history").json().findValuesAsText("event"))
                .containsOnlyOnce("OccurrenceIssued");
    }

    @Test
    default void shouldManageSubscribersAndPauseResumeStop_whenAsked() {
        // given a subscription of 10001, and a second customer
        TenantFixture tenant = newTenant();
        tenant.expect(201, tenant.post("/customers", Bodies.customer("20002")));
        LocalDate first = tomorrow().plusDays(1);
        String id = createSubscription(tenant, subscription(first, TenantFixture.CUSTOMER));
        String path = "/recurring/" + id;

        // when
        ApiResponse added = tenant.post(path + "/subscribers", "{\"customerNumber\": \"20002\", \"endDate\": \""
                + first.plusMonths(1) + "\"}");
        ApiResponse ended = tenant.put(path + "/subscribers/20002", "{\"endDate\": \"" + first.plusMonths(3) + "\"}", "\"2\"");
        ApiResponse removed = api().call("DELETE", tenant.path(path + "/subscribers/" + TenantFixture.CUSTOMER))
                .token(tenant.accountantKey).send();
        ApiResponse paused = tenant.postEmpty(path + "/pause");
        ApiResponse pausedAgain = tenant.postEmpty(path + "/pause");
        ApiResponse resumed = tenant.postEmpty(path + "/resume");
        ApiResponse stale = api().post(tenant.path(path + "/stop")).token(tenant.accountantKey).ifMatch("\"1\"").send();
        ApiResponse stopped = tenant.postEmpty(path + "/stop");

        // then
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        assertThat(added.json().path("subscribers").findValuesAsText("customerNumber"))
                .containsExactly(TenantFixture.CUSTOMER, "20002");
        assertThat(added.json().path("nextOccurrences").get(0).path("customerNumbers").toString())
                .isEqualTo("[\"" + TenantFixture.CUSTOMER + "\",\"20002\"]");
        assertThat(ended.status()).as("%s", ended).isEqualTo(200);
        assertThat(ended.etag()).isEqualTo("\"3\"");
        assertThat(removed.status()).as("%s", removed).isEqualTo(200);
        assertThat(removed.json().path("subscribers").get(0).path("removedFrom").asText())
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/Oslo")).toString());
        assertThat(paused.json().path("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.json().path("nextOccurrences")).isEmpty();
        assertProblem(pausedAgain, 409, "ILLEGAL_STATE");
        assertThat(resumed.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(resumed.json().path("pauses")).hasSize(1);
        assertThat(resumed.json().path("nextOccurrences").get(0).path("customerNumbers").toString()).isEqualTo("[\"20002\"]");
        assertProblem(stale, 412, "STALE_VERSION");
        assertThat(stopped.json().path("status").asText()).isEqualTo("STOPPED");
        assertThat(stopped.json().path("nextOccurrences")).isEmpty();
        ApiResponse read = tenant.get(path);
        assertThat(read.json().path("status").asText()).isEqualTo("STOPPED");
        assertThat(read.etag()).isEqualTo(stopped.etag());
        assertThat(tenant.get(path + "/history").json().findValuesAsText("event")).containsExactly("RecurringCreated",
                "SubscriberAdded", "SubscriberAdded", "SubscriberEndChanged", "SubscriberRemoved", "RecurringPaused",
                "RecurringResumed", "RecurringStopped");
    }

    @Test
    default void shouldCountTheScheduleInUse_whenItIsMadeFromACatalogueFrequency() {
        // given a frequency of the catalogue
        TenantFixture tenant = newTenant();
        String frequencyId = FrequencyContract.create(tenant, FrequencyContract.EVERY_OTHER_FRIDAY);
        String body = Bodies.edit(subscription(tomorrow()), b -> {
            b.remove("period");
            b.put("frequencyId", frequencyId);
        });

        // when a subscription uses it, and then stops
        String id = createSubscription(tenant, body);
        int inUse = tenant.get("/frequencies/" + frequencyId).json().path("inUse").asInt();
        JsonNode listed = tenant.get("/frequencies").json().path("items").get(0);
        tenant.expect(200, tenant.postEmpty("/recurring/" + id + "/stop"));

        // then the list's "in use" column counted it while it ran (Q4)
        assertThat(inUse).isEqualTo(1);
        assertThat(listed.path("inUse").asInt()).isEqualTo(1);
        assertThat(tenant.get("/frequencies/" + frequencyId).json().path("inUse").asInt()).isZero();
        assertThat(tenant.get("/recurring/" + id).json().path("frequencyId").asText()).isEqualTo(frequencyId);
    }

    @Test
    default void shouldListTheSchedulesByKindAndStatus_whenTheTenantHasSeveral() {
        // given a template and a stopped subscription
        TenantFixture tenant = newTenant();
        String template = tenant.expect(201, tenant.post("/invoices/" + tenant.draftInvoice() + "/recurring",
                "{\"name\": \"Rent\", \"period\": \"QUARTER\", \"firstDate\": \"" + tomorrow() + "\"}")).json()
                .path("recurringId").asText();
        String subscription = createSubscription(tenant, subscription(tomorrow(), TenantFixture.CUSTOMER));
        tenant.expect(200, tenant.postEmpty("/recurring/" + subscription + "/stop"));

        // when
        JsonNode all = tenant.get("/recurring").json();
        JsonNode templates = tenant.get("/recurring?kind=template").json();
        JsonNode stopped = tenant.get("/recurring?status=stopped").json();

        // then
        assertThat(all.path("items").findValuesAsText("recurringId")).containsExactlyInAnyOrder(template, subscription);
        assertThat(all.path("total").asInt()).isEqualTo(2);
        assertThat(templates.path("items").findValuesAsText("name")).containsExactly("Rent");
        assertThat(templates.path("items").get(0).path("nextDate").asText()).isEqualTo(tomorrow().toString());
        assertThat(templates.path("items").get(0).path("customerNumber").asText()).isEqualTo(TenantFixture.CUSTOMER);
        assertThat(stopped.path("items").findValuesAsText("recurringId")).containsExactly(subscription);
        assertThat(stopped.path("items").get(0).path("nextDate").isNull()).isTrue();
    }

    @Test
    default void shouldRefuse_whenInvoicingIsDeactivatedOrTheRoleMayNotInvoice() {
        // given an auditor, and a subscription
        TenantFixture tenant = newTenant();
        String auditorKey = tenant.expect(201, api().post(tenant.path("/users")).token(tenant.adminKey)
                .json(Bodies.user("Audun Auditor", "AUDITOR")).send()).json().path("apiKey").asText();
        String id = createSubscription(tenant, subscription(tomorrow(), TenantFixture.CUSTOMER));
        List<ApiResponse> refused = new ArrayList<>();

        // when
        refused.add(api().post(tenant.path("/subscriptions")).token(auditorKey).json(subscription(tomorrow())).send());
        ApiResponse auditorReads = tenant.read(tenant.path("/recurring/" + id), auditorKey);
        tenant.expect(200, api().post(tenant.path("/invoicing/deactivate")).token(tenant.adminKey).send());
        ApiResponse deactivatedCreate = tenant.post("/subscriptions", subscription(tomorrow()));
        ApiResponse deactivatedPause = tenant.postEmpty("/recurring/" + id + "/pause");

        // then
        assertProblem(refused.get(0), 403, "FORBIDDEN");
        assertThat(auditorReads.status()).as("%s", auditorReads).isEqualTo(200);
        assertProblem(deactivatedCreate, 409, "INVOICING_DEACTIVATED");
        assertProblem(deactivatedPause, 409, "INVOICING_DEACTIVATED");
        assertThat(tenant.get("/recurring/" + id).json().path("status").asText()).isEqualTo("ACTIVE");
    }

    private static Producer<String, byte[]> producer(Invoiceflow app) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
