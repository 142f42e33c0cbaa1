package io.invoiceflow.events;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract's decimals: written as strings, read back with their scale, from a string or a JSON number. */
class EventJsonDecimalsTest {
    record Amount(BigDecimal value) {
    }

    @Test
    void shouldKeepTheScale_whenADecimalIsWrittenAndReadBack() throws Exception {
        String json = EventJson.mapper().writeValueAsString(new Amount(new BigDecimal("1234.50")));

        assertThat(json).isEqualTo("{\"value\":\"1234.50\"}");
        assertThat(read(json)).isEqualTo(new BigDecimal("1234.50")).hasToString("1234.50");
    }

    @Test
    void shouldReadDecimal_whenGivenAsJsonNumberOrPaddedString() throws Exception {
        assertThat(read("{\"value\":12.5}")).hasToString("12.5");
        assertThat(read("{\"value\":7}")).hasToString("7");
        assertThat(read("{\"value\":\" -0.10 \"}")).hasToString("-0.10");
        assertThat(read("{\"value\":\"1E+3\"}")).isEqualByComparingTo("1000");
    }

    @Test
    void shouldReadNull_whenDecimalIsNullOrEmpty() throws Exception {
        assertThat(read("{\"value\":null}")).isNull();
        assertThat(read("{\"value\":\"\"}")).isNull();
    }

    @Test
    void shouldFailNamingTheValue_whenDecimalIsMalformed() {
        assertThatThrownBy(() -> read("{\"value\":\"12,50\"}"))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("12,50");
        assertThatThrownBy(() -> read("{\"value\":true}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{\"value\":[1]}")).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void shouldReadTheSameDecimal_whenReadThroughATree() throws Exception {
        var tree = EventJson.mapper().readTree("{\"value\":\"99.990\"}");

        assertThat(EventJson.mapper().treeToValue(tree, Amount.class).value()).hasToString("99.990");
    }

    private static BigDecimal read(String json) throws Exception {
        return EventJson.mapper().readValue(json, Amount.class).value();
    }
}
