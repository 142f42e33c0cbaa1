package io.invoiceflow.app.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaBrokerTest {

    @Test
    void shouldFailWithClearException_whenMetaPropertiesIsUnreadable(@TempDir Path logDir) throws Exception {
        // given
        Files.writeString(logDir.resolve("meta.properties"), "version=1\nnode.id=not-a-number\n");

        // when / then
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(logDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("meta.properties")
                .hasMessageContaining(logDir.toString());
    }
}
