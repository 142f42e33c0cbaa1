package io.invoiceflow.commands.distribution;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.shared.WriteSideSupport;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.DistributionRendered;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionTrigger;
import io.invoiceflow.events.distribution.RecordDistributionRendered;
import io.invoiceflow.events.distribution.RequestDistribution;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A distribution whose request an earlier version stored in revision 1 (before orders could be sent) is read
 * from the JDBC event store in revision 2, and its aggregate keeps working: the next attempt names the invoice.
 */
class DistributionRevision1IT {
    private static final String SHA = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f";
    private final WriteSideSupport w = WriteSideSupport.start();
    private final TenantId tenant = w.seedTenant();

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void shouldReadTheRequestAndRenderTheNextAttempt_whenTheRequestWasStoredInRevision1() throws SQLException {
        // given a final invoice and, stored as revision 1 wrote it, a request to send it
        InvoiceId invoice = w.finalInvoice(tenant, TestTenants.draft());
        DistributionId template = DistributionId.random();
        w.send(tenant, new RequestDistribution(template, tenant, invoice, DistributionTrigger.SEND, List.of(),
                List.of()));
        DistributionId old = DistributionId.random();
        storeAsRevision1(template, old, "{\"cc\":[],\"distributionId\":\"" + old.value() + "\",\"invoiceId\":\""
                + invoice.value() + "\",\"tenantId\":\"" + tenant.value() + "\",\"to\":[\"post@kunde.no\"],"
                + "\"trigger\":\"SEND\"}");

        // when it is read, and its first attempt is recorded
        DistributionRequested requested = w.last(old.value(), DistributionRequested.class);
        Boolean recorded = w.send(tenant, new RecordDistributionRendered(old, tenant, 1, "EMAIL",
                List.of("post@kunde.no"), List.of(), "system", "nb", "built-in:nb", "classic", SHA, 48213,
                "<m@invoiceflow.example>"));

        // then
        assertThat(w.events(old.value()).get(0).getPayloadType()).isEqualTo(DistributionRequested.class);
        assertThat(requested.invoiceId()).isEqualTo(invoice);
        assertThat(requested.orderId()).isNull();
        assertThat(requested.layout()).isNull();
        assertThat(requested.to()).containsExactly("post@kunde.no");
        assertThat(recorded).isTrue();
        DistributionRendered rendered = w.last(old.value(), DistributionRendered.class);
        assertThat(rendered.invoiceId()).isEqualTo(invoice);
        assertThat(rendered.orderId()).isNull();
    }

    /** A row like {@code like}'s first event, for aggregate {@code id}, with a revision 1 payload. */
    private void storeAsRevision1(DistributionId like, DistributionId id, String payload) throws SQLException {
        try (Connection c = w.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("insert into domain_event_entry (event_identifier,"
                     + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,"
                     + " payload, meta_data) select ?, ?, 0, type, time_stamp, payload_type, '1', ?, meta_data"
                     + " from domain_event_entry where aggregate_identifier = ? and sequence_number = 0")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, id.value());
            insert.setBytes(3, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(4, like.value());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }
}
