package io.invoiceflow.commands.shared;

import io.invoiceflow.commands.directory.DirectoryFixtures;
import io.invoiceflow.events.AggregateCommand;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.interceptors.TransactionManagingInterceptor;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

/**
 * Wiring for Axon's {@link AggregateTestFixture} as the write side wires the real aggregates: a real
 * {@link io.invoiceflow.commands.directory.Directory} on H2 and a fixed {@link Clock} as injectable
 * resources, commands routed by {@link AggregateCommand#aggregateId()}, and every command handled
 * inside a JDBC transaction. AggregateTestFixture has no transaction manager or unit-of-work factory
 * setting (4.13: only registerCommandHandlerInterceptor & co.), so the transaction comes from Axon's
 * own {@link TransactionManagingInterceptor}: it starts a transaction when the command's unit of work
 * starts and commits or rolls it back with the unit of work, which is what
 * {@code Directory.takeNextNumber} needs (it refuses autocommit connections).
 */
public final class FixtureSupport {
    /** 23:30 UTC on Saturday 14 March 2026: in Oslo (CET, UTC+1 until 29 March) it is already 00:30 on the 15th. */
    public static final Instant NOW = Instant.parse("2026-03-14T23:30:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Today in the tenant's zone (Europe/Oslo) at {@link #NOW}. */
    public static final LocalDate OSLO_TODAY = LocalDate.of(2026, 3, 15);
    /** Today in UTC at {@link #NOW}: the wrong answer for a Norwegian tenant. */
    public static final LocalDate UTC_TODAY = LocalDate.of(2026, 3, 14);

    /** Routes a command to the aggregate its {@link AggregateCommand#aggregateId()} names, as WriteSide does. */
    public static final CommandTargetResolver BY_AGGREGATE_ID = command -> {
        if (command.getPayload() instanceof AggregateCommand c) {
            return new VersionedAggregateIdentifier((Object) c.aggregateId(), null);
        }
        throw new IllegalArgumentException(command.getPayloadType() + " is not an AggregateCommand");
    };

    private FixtureSupport() {
    }

    public static <T> AggregateTestFixture<T> fixture(Class<T> aggregateType, DirectoryFixtures db) {
        return fixture(aggregateType, db, CLOCK);
    }

    public static <T> AggregateTestFixture<T> fixture(Class<T> aggregateType, DirectoryFixtures db, Clock clock) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(aggregateType);
        fixture.registerInjectableResource(db.directory())
                .registerInjectableResource(clock)
                .registerCommandTargetResolver(BY_AGGREGATE_ID)
                .registerCommandHandlerInterceptor(new TransactionManagingInterceptor<>(db.transactions()));
        return fixture;
    }

    /**
     * Matches the published events when their payloads pass the AssertJ assertions; the assertion
     * failure is reported as the mismatch. For {@code ResultValidator.expectEventsMatching}.
     */
    public static Matcher<List<EventMessage<?>>> payloadsSatisfy(Consumer<List<Object>> assertions) {
        return new BaseMatcher<>() {
            private String failure;

            @Override
            public boolean matches(Object actual) {
                List<Object> payloads = ((List<?>) actual).stream()
                        .map(m -> (Object) ((EventMessage<?>) m).getPayload())
                        .toList();
                try {
                    assertions.accept(payloads);
                    return true;
                } catch (AssertionError e) {
                    failure = e.getMessage();
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events whose payloads pass the assertions"
                        + (failure == null ? "" : ", but: " + failure));
            }
        };
    }

    /** Exactly one event was published, of type {@code type}, and it passes the assertions. */
    public static <E> Matcher<List<EventMessage<?>>> onlyEvent(Class<E> type, Consumer<E> assertions) {
        return payloadsSatisfy(payloads -> {
            org.assertj.core.api.Assertions.assertThat(payloads).hasSize(1);
            org.assertj.core.api.Assertions.assertThat(payloads.get(0)).isInstanceOf(type);
            assertions.accept(type.cast(payloads.get(0)));
        });
    }
}
