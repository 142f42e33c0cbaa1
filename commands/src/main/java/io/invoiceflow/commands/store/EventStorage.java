package io.invoiceflow.commands.store;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.invoiceflow.events.EventCatalog;
import io.invoiceflow.events.EventJson;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Duration;

/**
 * Builds the JDBC event storage engine and token store with the settings the field notes call for:
 * Jackson everywhere (XStream is not even on the class path), duplicate detection through SQL state
 * 23505 on both H2 and PostgreSQL, our own snake_case schema, and gap tracking that cannot lose an
 * event (see {@link JdbcTransactions} and ADR 0002).
 */
public final class EventStorage {
    /** Far beyond anything a gap timeout's worth of events can reach, so gaps are only dropped by timeout. */
    static final int MAX_GAP_OFFSET = 10_000_000;
    private static final String UNIQUE_VIOLATION = "23505";

    private EventStorage() {
    }

    /** The serializer for events, metadata, snapshots and tokens: the contract's JSON shape. */
    public static Serializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(EventJson.configure(JsonMapper.builder()).build())
                .revisionResolver(EventCatalog::revisionOf)
                .build();
    }

    public static JdbcEventStorageEngine engine(JdbcTransactions transactions, Serializer serializer,
                                                Duration gapTimeout, int batchSize) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(transactions)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION))
                .schema(Schema.EVENTS)
                .dataType(byte[].class)
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .maxGapOffset(MAX_GAP_OFFSET)
                .batchSize(batchSize)
                .build();
    }

    public static TokenStore tokenStore(JdbcTransactions transactions, Serializer serializer, String nodeId) {
        return JdbcTokenStore.builder()
                .connectionProvider(transactions)
                .serializer(serializer)
                .schema(Schema.TOKENS)
                .contentType(byte[].class)
                .claimTimeout(Duration.ofSeconds(10))
                .nodeId(nodeId)
                .build();
    }
}
