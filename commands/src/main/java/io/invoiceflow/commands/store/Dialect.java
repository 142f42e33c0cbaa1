package io.invoiceflow.commands.store;

/** The two databases the event store runs on. */
public enum Dialect {
    H2("blob", "varchar(1000000)"),
    POSTGRESQL("bytea", "text");

    final String binaryType;
    final String textType;

    Dialect(String binaryType, String textType) {
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
        throw new IllegalArgumentException("unsupported database URL (H2 or PostgreSQL only): "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
    }
}
