package io.invoiceflow.events;

/**
 * A command addressed to one aggregate. The write side routes it by {@link #aggregateId()} and,
 * where {@link #expectedVersion()} is set, refuses it when the aggregate has moved on (optimistic
 * concurrency, HTTP If-Match).
 */
public interface AggregateCommand {
    String aggregateId();

    default Long expectedVersion() {
        return null;
    }
}
