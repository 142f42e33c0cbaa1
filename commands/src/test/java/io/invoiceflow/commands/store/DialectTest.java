package io.invoiceflow.commands.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialectTest {

    @Test
    void shouldKnowTheDialect_byTheUrlsScheme() {
        assertThat(Dialect.ofJdbcUrl("jdbc:h2:file:/data/eventstore;WRITE_DELAY=0")).isEqualTo(Dialect.H2);
        assertThat(Dialect.ofJdbcUrl("jdbc:postgresql://db:5432/invoiceflow?user=a&password=b"))
                .isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void shouldNameOnlyTheScheme_whenTheDatabaseIsNotSupported() {
        assertThatThrownBy(() -> Dialect.ofJdbcUrl("jdbc:mysql://admin:s3cret@db:3306/x?password=s3cret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported database (H2 or PostgreSQL only): jdbc:mysql")
                .message().doesNotContain("s3cret").doesNotContain("admin");
        assertThatThrownBy(() -> Dialect.ofJdbcUrl("s3cret"))
                .hasMessage("unsupported database (H2 or PostgreSQL only): not a JDBC URL");
    }
}
