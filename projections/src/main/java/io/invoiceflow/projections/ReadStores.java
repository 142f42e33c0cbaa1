package io.invoiceflow.projections;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The read models' RocksDB stores and their keys. Every key starts with the tenant id: the fold
 * runs partitioned by tenant, so one tenant's read models live together and a prefix scan finds them.
 * Parts are joined with the unit separator (U+001F), which no id contains.
 */
public final class ReadStores {
    /** Views served by id: invoices, orders, credit notes. Value: version, number sequence, view JSON. */
    public static final String VIEWS = "views";
    /** Every aggregate's history, one entry per event, in sequence order. */
    public static final String HISTORY = "history";
    /** The tenant-wide audit trail, in time order. */
    public static final String AUDIT = "audit";
    /** The last sequence number applied per aggregate: what makes the fold idempotent. */
    public static final String POSITIONS = "positions";
    /** The last payload of each aggregate without a view, to tell what an edit changed. */
    public static final String STATES = "states";

    public static final char SEP = '\u001f';
    private static final int VIEW_HEADER = 16;

    private ReadStores() {
    }

    public static String view(String tenant, String kind, String id) {
        return tenant + SEP + kind + SEP + id;
    }

    public static String viewPrefix(String tenant, String kind) {
        return tenant + SEP + kind + SEP;
    }

    public static String history(String tenant, String aggregateId, long sequence) {
        return historyPrefix(tenant, aggregateId) + String.format("%019d", sequence);
    }

    public static String historyPrefix(String tenant, String aggregateId) {
        return tenant + SEP + aggregateId + SEP;
    }

    /** Ordered by time, then by the event store's position (events of one command share a time), then by id. */
    public static String audit(String tenant, Instant time, Long position, String eventId) {
        return auditAt(tenant, time) + SEP + String.format("%019d", position == null ? 0 : position) + SEP + eventId;
    }

    /** The first audit key at or after {@code time}. */
    public static String auditAt(String tenant, Instant time) {
        return tenant + SEP + String.format("%019d", time.toEpochMilli());
    }

    public static String position(String tenant, String aggregateId) {
        return tenant + SEP + aggregateId;
    }

    public static String tenantOf(String key) {
        return key.substring(0, key.indexOf(SEP));
    }

    /** A stored view: its version (the aggregate's last sequence number) and, for invoices, the number's sequence. */
    public static byte[] encodeView(long version, Long numberSequence, byte[] json) {
        return ByteBuffer.allocate(VIEW_HEADER + json.length).putLong(version)
                .putLong(numberSequence == null ? -1 : numberSequence).put(json).array();
    }

    public static long viewVersion(byte[] stored) {
        return ByteBuffer.wrap(stored).getLong(0);
    }

    public static Long viewNumberSequence(byte[] stored) {
        long sequence = ByteBuffer.wrap(stored).getLong(8);
        return sequence < 0 ? null : sequence;
    }

    public static byte[] viewJson(byte[] stored) {
        byte[] json = new byte[stored.length - VIEW_HEADER];
        System.arraycopy(stored, VIEW_HEADER, json, 0, json.length);
        return json;
    }

    public static byte[] encodeLong(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    public static long decodeLong(byte[] value) {
        return ByteBuffer.wrap(value).getLong();
    }
}
