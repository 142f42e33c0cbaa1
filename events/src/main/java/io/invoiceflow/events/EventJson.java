package io.invoiceflow.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The JSON codec of the public contract: the event store, the Kafka topic and the JSON Schemas all
 * use this shape. Decimals are strings ({@code "1234.50"}) so no consumer reads money as a float;
 * dates and instants are ISO-8601 strings; absent values are written as {@code null}. Reading is
 * tolerant of unknown properties so an older consumer can read a newer revision.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

    private EventJson() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it; use {@link #configure} for a variant. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies the contract's settings to a builder (for modules that need a variant, such as a strict API reader). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        builder.addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .withConfigOverride(BigDecimal.class,
                        o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .addModule(new SimpleModule("event-decimals").addDeserializer(BigDecimal.class, new DecimalReader()));
        return builder;
    }

    /**
     * Reads a decimal from the contract's string (or from a JSON number) without Jackson's per-value
     * coercion lookup, which cost more than the parse itself: a line has five decimals, an event up to
     * dozens. A malformed value fails like Jackson's own reader does.
     */
    static final class DecimalReader extends StdScalarDeserializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        DecimalReader() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            switch (parser.currentTokenId()) {
                case JsonTokenId.ID_STRING -> {
                    String text = parser.getText().trim();
                    if (text.isEmpty()) {
                        return null;
                    }
                    try {
                        return new BigDecimal(text);
                    } catch (NumberFormatException e) {
                        return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text, "not a decimal");
                    }
                }
                case JsonTokenId.ID_NUMBER_INT, JsonTokenId.ID_NUMBER_FLOAT -> {
                    return parser.getDecimalValue();
                }
                default -> {
                    return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
                }
            }
        }
    }
}
