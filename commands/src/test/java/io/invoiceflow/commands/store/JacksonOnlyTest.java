package io.invoiceflow.commands.store;

import io.invoiceflow.commands.TestDatabases;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FIELD-NOTES: XStream is Axon's silent default serializer; it must not even be on the class path. */
class JacksonOnlyTest {

    @Test
    void shouldNotFindXStream_whenLoadingItsClass() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void shouldUseJacksonForEventsMessagesAndSnapshots_whenTheWriteSideStarts() {
        try (WriteSide writeSide = WriteSide.start(TestDatabases.h2InMemory(), WriteSideSettings.defaults("test"),
                Clock.systemUTC(), null)) {
            assertThat(writeSide.axon().serializer()).isInstanceOf(JacksonSerializer.class);
            assertThat(writeSide.axon().eventSerializer()).isInstanceOf(JacksonSerializer.class);
            assertThat(writeSide.axon().messageSerializer()).isInstanceOf(JacksonSerializer.class);
            Serializer serializer = writeSide.axon().eventSerializer();
            assertThat(serializer.serialize("x", String.class).getContentType()).isEqualTo(String.class);
        }
    }
}
