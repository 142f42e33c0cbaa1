package io.invoiceflow.app.kafka;

import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which leftover transaction the repair must not abort: one its coordinator committed (CI run 19). */
class LeftoverTransactionsTest {
    private static final ProducerState OPEN_AT_34 = new ProducerState(1, 34, 10, 0L, OptionalInt.of(0),
            OptionalLong.of(425));

    @Test
    void shouldKnowTheTransactionCommitted_whenTheCoordinatorCompletedACommitAtItsEpochOrTheNext() {
        assertThat(LeftoverTransactions.committedThis(coordinator(TransactionState.COMPLETE_COMMIT, 35), OPEN_AT_34))
                .as("transactions v2 bump the epoch when a transaction ends").isTrue();
        assertThat(LeftoverTransactions.committedThis(coordinator(TransactionState.COMPLETE_COMMIT, 34), OPEN_AT_34))
                .isTrue();
    }

    @Test
    void shouldNotKnowItCommitted_whenTheCoordinatorAbortedItOrHasMovedOnOrForgotTheProducer() {
        assertThat(LeftoverTransactions.committedThis(coordinator(TransactionState.COMPLETE_ABORT, 35), OPEN_AT_34))
                .isFalse();
        assertThat(LeftoverTransactions.committedThis(coordinator(TransactionState.COMPLETE_COMMIT, 37), OPEN_AT_34))
                .as("later transactions since: what became of this one is not known").isFalse();
        assertThat(LeftoverTransactions.committedThis(coordinator(TransactionState.EMPTY, 35), OPEN_AT_34)).isFalse();
        assertThat(LeftoverTransactions.committedThis(null, OPEN_AT_34)).isFalse();
    }

    private static TransactionDescription coordinator(TransactionState state, int epoch) {
        return new TransactionDescription(1, state, 1, epoch, 60_000, OptionalLong.empty(), Set.of());
    }
}
