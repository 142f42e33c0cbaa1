package io.invoiceflow.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of an event's JSON shape. Every event record carries it; a shape change raises it
 * and comes with an upcaster. The event store records it, and the Kafka forwarder puts it into the
 * CloudEvents type ({@code ...InvoiceFinalized.v1}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {
    String value();

    /**
     * Earlier revisions the record still reads as they are: each lacks only properties that read as null (the
     * upcaster fills them in for the event store). Their CloudEvents types map to this record too.
     */
    String[] reads() default {};
}
