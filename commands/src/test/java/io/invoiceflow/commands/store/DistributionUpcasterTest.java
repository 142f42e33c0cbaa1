package io.invoiceflow.commands.store;

import io.invoiceflow.events.distribution.DistributionBounced;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionTrigger;
import io.invoiceflow.events.shared.InvoiceId;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Distribution events stored in revision 1 (before orders could be sent) read as revision 2. */
class DistributionUpcasterTest {
    private static final String DISTRIBUTION = "8c1e3a5f-7b9d-4f2a-b4c6-d8e0f2a4b6c8";
    private static final String TENANT = "3f6c2a1e-8b4d-4e7a-9c21-5d8e0f4a7b13";
    private static final String INVOICE = "c4e8f1a2-6b3d-4f9e-a7c5-2d1b0e9f8a76";
    private final Serializer serializer = EventStorage.serializer();

    @Test
    void shouldReadAnInvoiceDistribution_whenRequestedWasStoredInRevision1() {
        // given: the JSON revision 1 wrote
        String v1 = "{\"cc\":[],\"distributionId\":\"" + DISTRIBUTION + "\",\"invoiceId\":\"" + INVOICE
                + "\",\"tenantId\":\"" + TENANT + "\",\"to\":[\"post@kunde.no\"],\"trigger\":\"SEND\"}";

        // when
        IntermediateEventRepresentation upcast = upcast(DistributionRequested.class, "1", v1);
        DistributionRequested read = serializer.deserialize(upcast.getData());

        // then
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(read.invoiceId()).isEqualTo(new InvoiceId(INVOICE));
        assertThat(read.orderId()).isNull();
        assertThat(read.layout()).isNull();
        assertThat(read.trigger()).isEqualTo(DistributionTrigger.SEND);
        assertThat(read.to()).containsExactly("post@kunde.no");
        assertThat(serializer.serialize(read, String.class).getData()).contains("\"orderId\":null", "\"layout\":null");
    }

    @Test
    void shouldAddTheOrderOnly_whenAnOutcomeWasStoredInRevision1() {
        // given
        String v1 = "{\"diagnostic\":null,\"distributionId\":\"" + DISTRIBUTION + "\",\"invoiceId\":\"" + INVOICE
                + "\",\"recipient\":\"post@kunde.no\",\"source\":\"SMTP\",\"status\":\"5.1.1\",\"tenantId\":\"" + TENANT
                + "\"}";

        // when
        IntermediateEventRepresentation upcast = upcast(DistributionBounced.class, "1", v1);
        DistributionBounced read = serializer.deserialize(upcast.getData());

        // then
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(read.invoiceId()).isEqualTo(new InvoiceId(INVOICE));
        assertThat(read.orderId()).isNull();
        assertThat(read.status()).isEqualTo("5.1.1");
        assertThat(serializer.serialize(read, String.class).getData()).doesNotContain("layout");
    }

    @Test
    void shouldLeaveTheEventAlone_whenItIsRevision2() {
        // given
        String v2 = "{\"cc\":[],\"distributionId\":\"" + DISTRIBUTION + "\",\"invoiceId\":null,\"layout\":\"compact\","
                + "\"orderId\":\"7d9e4b2a-1c3f-4e5d-8a6b-9c0d1e2f3a4b\",\"tenantId\":\"" + TENANT
                + "\",\"to\":[],\"trigger\":\"SEND\"}";

        // when
        IntermediateEventRepresentation read = upcast(DistributionRequested.class, "2", v2);
        DistributionRequested event = serializer.deserialize(read.getData());

        // then
        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(event.layout()).isEqualTo("compact");
        assertThat(event.orderId().value()).isEqualTo("7d9e4b2a-1c3f-4e5d-8a6b-9c0d1e2f3a4b");
    }

    private IntermediateEventRepresentation upcast(Class<?> type, String revision, String json) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Distribution", DISTRIBUTION, 0,
                "e1", "2026-11-25T09:30:12.345Z", type.getName(), revision, json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> result = new DistributionUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(result).hasSize(1);
        return result.get(0);
    }
}
