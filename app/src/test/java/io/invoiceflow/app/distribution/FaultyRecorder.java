package io.invoiceflow.app.distribution;

import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.RecordDistributionFailed;
import io.invoiceflow.events.distribution.RecordDistributionRendered;
import io.invoiceflow.events.distribution.RecordDistributionSent;
import io.invoiceflow.streams.distribution.DistributionRecorder;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The write side's recorder with one fault, struck when the worker records that one distribution's
 * email was sent: the SMTP server has accepted the message at that point, and "sent" is not yet
 * recorded (or, for {@link Fault#ANSWER_LOST}, recorded without the worker learning it).
 */
final class FaultyRecorder implements DistributionRecorder {

    /** What goes wrong at the first {@code sent} of the distribution. */
    enum Fault {
        /**
         * The process dies: an {@link Error} the worker does not catch ends its thread without a commit,
         * and from then on this recorder refuses everything, as a dead process records nothing.
         */
        PROCESS_DIES,
        /** The event store does not answer once; the worker retries the job in place. */
        RECORDING_FAILS,
        /** "Sent" is recorded, but the answer is lost on the way back; the worker retries the job in place. */
        ANSWER_LOST
    }

    /** The simulated death of the process (not a RuntimeException, so no retry loop catches it). */
    static final class ProcessDied extends Error {
        ProcessDied() {
            super("simulated crash: the process died after the SMTP server accepted the email");
        }
    }

    private final DistributionRecorder writeSide;
    private final DistributionId target;
    private final Fault fault;
    private final AtomicBoolean struck = new AtomicBoolean();
    private final CountDownLatch struckLatch = new CountDownLatch(1);

    FaultyRecorder(DistributionRecorder writeSide, DistributionId target, Fault fault) {
        this.writeSide = writeSide;
        this.target = target;
        this.fault = fault;
    }

    /** Waits until the fault has struck. */
    boolean awaitStruck(Duration timeout) throws InterruptedException {
        return struckLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean rendered(RecordDistributionRendered command) {
        refuseWhenDead();
        return writeSide.rendered(command);
    }

    @Override
    public void sent(RecordDistributionSent command) {
        refuseWhenDead();
        if (command.distributionId().equals(target) && struck.compareAndSet(false, true)) {
            struckLatch.countDown();
            switch (fault) {
                case PROCESS_DIES -> throw new ProcessDied();
                case RECORDING_FAILS -> throw new IllegalStateException("simulated fault: the event store did not answer");
                case ANSWER_LOST -> {
                    writeSide.sent(command);
                    throw new IllegalStateException("simulated fault: the event store's answer was lost");
                }
            }
        }
        writeSide.sent(command);
    }

    @Override
    public void failed(RecordDistributionFailed command) {
        refuseWhenDead();
        writeSide.failed(command);
    }

    @Override
    public void bounced(UUID distributionId, String recipient, String source, String status, String diagnostic) {
        refuseWhenDead();
        writeSide.bounced(distributionId, recipient, source, status, diagnostic);
    }

    private void refuseWhenDead() {
        if (fault == Fault.PROCESS_DIES && struck.get()) {
            throw new ProcessDied();
        }
    }
}
