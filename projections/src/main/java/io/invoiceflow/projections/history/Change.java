package io.invoiceflow.projections.history;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field an event changed: its JSON path in the aggregate's view ({@code lines[1].quantity},
 * {@code customer.name}) with the value before and after; {@code null} means absent.
 */
public record Change(String path, JsonNode before, JsonNode after) {
}
