package io.invoiceflow.events;

/** Kafka topic names: part of the public contract. */
public final class Topics {
    /** Every stored event, keyed by aggregate id, CloudEvents 1.0 binary mode, JSON body. */
    public static final String INVOICING_EVENTS = "invoicing.events";
    /** Commands produced by stream processors for the write side. */
    public static final String INVOICING_COMMANDS = "invoicing.commands";
    /**
     * Work items of the distribution: one record per email to render and send, written exactly once
     * by the distribution stream processor, taken by the distribution workers. Internal: its shape is
     * not part of the contract.
     */
    public static final String DISTRIBUTION_JOBS = "invoicing.distribution-jobs";

    private Topics() {
    }
}
