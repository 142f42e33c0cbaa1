package io.invoiceflow.commands.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentEventsTest {
    private final RecentEvents recent = new RecentEvents(2);

    @Test
    void shouldServeAHistory_whenItWasCommittedFromTheStart() {
        // when
        recent.committed(List.of(event("a", 0), event("a", 1)));
        recent.committed(List.of(event("a", 2)));

        // then
        assertThat(recent.upTo("a", 2)).hasValueSatisfying(h -> assertThat(h).hasSize(3));
        assertThat(recent.upTo("a", 1)).hasValueSatisfying(h -> assertThat(h).hasSize(2));
        assertThat(recent.upTo("a", 3)).isEmpty();
    }

    @Test
    void shouldForgetAnAggregate_whenACommitArrivesBeforeAnEarlierOne() {
        // given
        recent.committed(List.of(event("a", 0)));

        // when sequence 2 arrives before 1 (two threads committed out of order)
        recent.committed(List.of(event("a", 2)));
        recent.committed(List.of(event("a", 1)));

        // then nothing is served: the store answers
        assertThat(recent.upTo("a", 0)).isEmpty();
        assertThat(recent.upTo("a", 2)).isEmpty();
    }

    @Test
    void shouldKeepTheLongerHistory_whenTheStoreOffersAnOlderOne() {
        // given
        recent.committed(List.of(event("a", 0), event("a", 1)));

        // when
        recent.offer("a", List.of(event("a", 0)));

        // then
        assertThat(recent.upTo("a", 1)).isPresent();
    }

    @Test
    void shouldRefuseAHistory_whenItDoesNotStartAtZero() {
        // when
        recent.offer("a", List.of(event("a", 1)));
        recent.committed(List.of(event("b", 3)));

        // then
        assertThat(recent.size()).isZero();
    }

    @Test
    void shouldEvictTheLeastRecentlyUsed_whenFull() {
        // given a capacity of two
        recent.committed(List.of(event("a", 0)));
        recent.committed(List.of(event("b", 0)));
        recent.upTo("a", 0);

        // when
        recent.committed(List.of(event("c", 0)));

        // then b, the least recently used, is gone
        assertThat(recent.upTo("a", 0)).isPresent();
        assertThat(recent.upTo("b", 0)).isEmpty();
        assertThat(recent.upTo("c", 0)).isPresent();
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Invoice", aggregate, sequence, "payload-" + sequence);
    }
}
