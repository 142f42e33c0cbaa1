package io.invoiceflow.commands.store;

/** The two databases the event store runs on. */
public enum Dialect {
    /**
     * Events, their metadata and tokens inline ({@code varbinary}): H2 keeps a {@code blob} of more than 256 bytes
     * in its separate LOB maps, which every commit then rewrites as well (ADR 0260). Stores created before keep
     * their {@code blob} columns and work unchanged. Logos and stylesheets stay {@code blob}.
     */
    H2("varbinary(1000000000)", "blob", "varchar(1000000)"),
    POSTGRESQL("bytea", "bytea", "text");

    final String eventBinaryType;
    final String binaryType;
    final String textType;

    Dialect(String eventBinaryType, String binaryType, String textType) {
        this.eventBinaryType = eventBinaryType;
        this.binaryType = binaryType;
        this.textType = textType;
    }

    public static Dialect ofJdbcUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        // the scheme alone: the rest of a URL may carry credentials
        String[] parts = jdbcUrl.split(":", 3);
        throw new IllegalArgumentException("unsupported database (H2 or PostgreSQL only): "
                + (parts.length > 1 ? parts[0] + ":" + parts[1] : "not a JDBC URL"));
    }
}
