package io.invoiceflow.bench;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.frequency.DayRule;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.FrequencyUnit;
import io.invoiceflow.events.frequency.ShortMonths;
import io.invoiceflow.events.frequency.WeekPosition;
import io.invoiceflow.recurrence.LibRecurReference;
import io.invoiceflow.recurrence.Recurrence;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * "The next date after D" for 100,000 mixed frequencies (docs/benchmarks/recurrence.md), single thread:
 * the engine's arithmetic on epoch days ({@code nextAfter}), the same through the {@code LocalDate} API
 * ({@code nextAfterLocalDate}), and lib-recur expanding the same RRULEs from the anchor as the reference
 * ({@code libRecurReference}, on every 10th frequency: it is about two orders of magnitude slower).
 * Scores are dates computed per second of wall time on one thread; the {@code cpuNanos} counter is the
 * benchmark thread's CPU time per second, so {@code score * 1e9 / cpuNanos} is dates per CPU-second, which
 * a busy shared machine disturbs much less. The patterns and dates come from a fixed seed.
 * Run: {@code java -cp bench/target/invoiceflow-bench.jar org.openjdk.jmh.Main RecurrenceBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class RecurrenceBenchmark {
    static final int FREQUENCIES = 100_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final int REFERENCE_STRIDE = 10;

    private Recurrence[] recurrences;
    private LibRecurReference[] references;
    private long[] days;
    private LocalDate[] dates;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(20_261_130L);
        List<Recurrence> made = new ArrayList<>(FREQUENCIES);
        while (made.size() < FREQUENCIES) {
            mixed(random).ifPresent(made::add);
        }
        recurrences = made.toArray(Recurrence[]::new);
        references = new LibRecurReference[FREQUENCIES / REFERENCE_STRIDE];
        days = new long[FREQUENCIES];
        dates = new LocalDate[FREQUENCIES];
        for (int i = 0; i < FREQUENCIES; i++) {
            // D: a day within five years after the anchor, as a scheduler's cursor would be
            LocalDate anchor = recurrences[i].definition().anchor();
            dates[i] = anchor.plusDays(random.nextInt(5 * 365));
            days[i] = dates[i].toEpochDay();
            if (i % REFERENCE_STRIDE == 0) {
                references[i / REFERENCE_STRIDE] = new LibRecurReference(recurrences[i].definition());
            }
        }
    }

    /** The benchmark thread's CPU time, reported per second of wall time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        public long cpuNanos;
    }

    @Benchmark
    @OperationsPerInvocation(FREQUENCIES)
    public long nextAfter(Cpu cpu) {
        long started = THREADS.getCurrentThreadCpuTime();
        long sum = 0;
        for (int i = 0; i < FREQUENCIES; i++) {
            sum += recurrences[i].nextAfter(days[i]);
        }
        cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - started;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(FREQUENCIES)
    public void nextAfterLocalDate(Blackhole hole, Cpu cpu) {
        long started = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < FREQUENCIES; i++) {
            hole.consume(recurrences[i].nextAfter(dates[i]));
        }
        cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - started;
    }

    @Benchmark
    @OperationsPerInvocation(FREQUENCIES / REFERENCE_STRIDE)
    public void libRecurReference(Blackhole hole, Cpu cpu) {
        long started = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < references.length; i++) {
            hole.consume(references[i].nextAfter(dates[i * REFERENCE_STRIDE]));
        }
        cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - started;
    }

    /**
     * A mix like a catalogue's: 45 % monthly (a third of them on the 28th-31st), 30 % weekly, 15 % yearly,
     * 10 % daily; a fifth limited to some months or ending after a count or on a date.
     */
    static Optional<Recurrence> mixed(Random random) {
        int kind = random.nextInt(100);
        int interval = random.nextInt(10) < 7 ? 1 + random.nextInt(3) : 1 + random.nextInt(12);
        FrequencyPattern pattern;
        if (kind < 10) {
            pattern = FrequencyPattern.daily(interval);
        } else if (kind < 40) {
            List<DayOfWeek> days = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextInt(4) == 0) {
                    days.add(day);
                }
            }
            if (days.isEmpty()) {
                days.add(DayOfWeek.of(1 + random.nextInt(7)));
            }
            pattern = FrequencyPattern.weekly(interval, days.toArray(DayOfWeek[]::new));
        } else if (kind < 85) {
            pattern = monthly(random, interval);
        } else {
            Month month = Month.of(1 + random.nextInt(12));
            pattern = random.nextBoolean()
                    ? FrequencyPattern.yearlyOnDay(random.nextInt(5) == 0 ? 2 : 1, month, 1 + random.nextInt(month.maxLength()))
                    : FrequencyPattern.yearlyOnWeekday(1, month, position(random), DayOfWeek.of(1 + random.nextInt(7)));
        }
        if (kind < 85 && random.nextInt(10) == 0) {
            pattern = pattern.inMonths(Month.of(1 + random.nextInt(6)), Month.of(7 + random.nextInt(6)));
        }
        LocalDate anchor = LocalDate.of(2020 + random.nextInt(8), 1 + random.nextInt(12), 1).plusDays(random.nextInt(31));
        FrequencyEnd end = switch (random.nextInt(10)) {
            case 0 -> FrequencyEnd.after(1 + random.nextInt(60));
            case 1 -> FrequencyEnd.on(anchor.plusDays(random.nextInt(3000)));
            default -> FrequencyEnd.never();
        };
        try {
            return Optional.of(Recurrence.of(new FrequencyDefinition(pattern, anchor, end)));
        } catch (DomainException refused) {
            return Optional.empty();
        }
    }

    private static FrequencyPattern monthly(Random random, int interval) {
        int rule = random.nextInt(3);
        if (rule == 0) {
            int day = random.nextInt(3) == 0 ? 28 + random.nextInt(4) : 1 + random.nextInt(28);
            FrequencyPattern pattern = FrequencyPattern.monthlyOnDay(interval, day);
            return day > 28 && random.nextInt(4) == 0 ? pattern.withShortMonths(ShortMonths.SKIP) : pattern;
        }
        if (rule == 1) {
            return FrequencyPattern.monthlyOnLastDay(interval);
        }
        return new FrequencyPattern(FrequencyUnit.MONTHLY, interval, List.of(), DayRule.NTH_WEEKDAY, null,
                position(random), DayOfWeek.of(1 + random.nextInt(7)), null, List.of(), null);
    }

    private static WeekPosition position(Random random) {
        return WeekPosition.values()[random.nextInt(WeekPosition.values().length)];
    }
}
