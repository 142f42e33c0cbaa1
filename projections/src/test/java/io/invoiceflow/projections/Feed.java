package io.invoiceflow.projections;

import io.invoiceflow.events.CloudEventHeaders;
import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.EventCatalog;
import io.invoiceflow.events.EventJson;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.VatLine;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only: records for {@code invoicing.events} exactly as the forwarder writes them (CloudEvents
 * headers, the contract's JSON body), with sequence numbers kept per aggregate and explicit times.
 */
public final class Feed {
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<TestRecord<String, byte[]>> sent = new ArrayList<>();
    private Instant clock;
    private long position;

    public Feed(Instant start) {
        this.clock = start;
    }

    /** The next event of {@code aggregateId}, one second after the previous one, by {@code actor}. */
    public TestRecord<String, byte[]> event(String aggregateId, DomainEvent payload, String actor) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        clock = clock.plusSeconds(1);
        return record(aggregateId, sequence, payload, actor, clock);
    }

    public TestRecord<String, byte[]> record(String aggregateId, long sequence, Object payload, String actor, Instant time) {
        String type = EventCatalog.cloudEventType(payload.getClass());
        String tenant = ((DomainEvent) payload).tenantId().value();
        return raw(aggregateId, sequence, type, tenant, actor, time, json(payload));
    }

    public TestRecord<String, byte[]> raw(String aggregateId, long sequence, String type, String tenant, String actor,
                                   Instant time, byte[] body) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        put(headers, CloudEventHeaders.ID, UUID.nameUUIDFromBytes((aggregateId + "/" + sequence).getBytes(StandardCharsets.UTF_8)).toString());
        put(headers, CloudEventHeaders.TYPE, type);
        put(headers, CloudEventHeaders.SUBJECT, aggregateId);
        put(headers, CloudEventHeaders.TIME, time.toString());
        put(headers, CloudEventHeaders.TENANT, tenant);
        put(headers, CloudEventHeaders.ACTOR, actor);
        put(headers, CloudEventHeaders.REQUEST_ID, "req-" + aggregateId.substring(0, Math.min(8, aggregateId.length())) + "-" + sequence);
        put(headers, CloudEventHeaders.SEQUENCE, Long.toString(sequence));
        put(headers, CloudEventHeaders.POSITION, Long.toString(++position));
        TestRecord<String, byte[]> record = new TestRecord<>(aggregateId, body, headers, time);
        sent.add(record);
        return record;
    }

    /** Every record built so far, in order. */
    public List<TestRecord<String, byte[]>> sent() {
        return List.copyOf(sent);
    }

    public static byte[] json(Object payload) {
        try {
            return EventJson.mapper().writeValueAsBytes(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** An invoice's content: one line of {@code net} at 25 % VAT for the given customer, in NOK. */
    public static InvoiceContent content(String customerNumber, String customerName, String net, LocalDate invoiceDate) {
        BigDecimal netAmount = new BigDecimal(net).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal vat = netAmount.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP);
        Line line = new Line(1, null, "Consulting", BigDecimal.ONE, "hours", netAmount, null, new BigDecimal("25"),
                netAmount);
        Totals totals = new Totals(netAmount, vat, netAmount.add(vat),
                List.of(new VatLine(new BigDecimal("25"), netAmount, vat, netAmount.add(vat))));
        return new InvoiceContent(new CustomerSnapshot(new CustomerNumber(customerNumber), customerName, null,
                "post@example.no", new Address("Bryggen 1", "5003", "Bergen", "NO")),
                List.of(new Contact("Kari", "kari@example.no", null)), invoiceDate,
                PaymentTerms.of(PaymentTerms.Kind.NET_14), invoiceDate == null ? null : invoiceDate.plusDays(14),
                null, null, "nb", "nb-NO", "NOK", List.of(line), totals);
    }
}
