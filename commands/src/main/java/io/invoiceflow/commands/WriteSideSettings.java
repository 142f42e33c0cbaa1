package io.invoiceflow.commands;

import java.time.Duration;

/**
 * Tuning of the write side.
 *
 * @param gapTimeout         how long the forwarder's token remembers a global-index gap
 * @param maxTransaction     a command transaction older than this is rolled back; must be below half of {@code gapTimeout}
 * @param forwarderBatchSize events per forwarder batch (at least 100: batch 1 is 20x slower)
 * @param nodeId             this instance's name in the token store
 */
public record WriteSideSettings(Duration gapTimeout, Duration maxTransaction, int forwarderBatchSize, String nodeId) {
    public WriteSideSettings {
        if (maxTransaction.multipliedBy(2).compareTo(gapTimeout) >= 0) {
            throw new IllegalArgumentException("maxTransaction (" + maxTransaction
                    + ") must be below half of gapTimeout (" + gapTimeout + ") or the forwarder can skip events");
        }
        if (forwarderBatchSize < 1) {
            throw new IllegalArgumentException("forwarderBatchSize must be positive");
        }
    }

    public static WriteSideSettings defaults(String nodeId) {
        return new WriteSideSettings(Duration.ofMinutes(2), Duration.ofSeconds(30), 100, nodeId);
    }
}
