package io.invoiceflow.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * N threads each running one worker in a loop as fast as it completes (closed loop), first for a
 * warm-up, then for the measured window; counters, per-command latency histograms and CPU
 * snapshots are taken at the window's edges while the load keeps running.
 */
final class ClosedLoop {
    /** One loop iteration (for example: create an invoice, then finalize it). */
    interface Worker {
        void iteration(Load load) throws Exception;
    }

    @FunctionalInterface
    interface Step<T> {
        T call() throws Exception;
    }

    /** What workers report into. */
    static final class Load {
        final LongAdder commands = new LongAdder();
        final LongAdder units = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Map<String, Recorder> latency = new ConcurrentHashMap<>();
        final AtomicLong printedErrors = new AtomicLong();

        /** Runs one command, counts it and records its latency (microseconds). */
        <T> T command(String kind, Step<T> step) throws Exception {
            long start = System.nanoTime();
            T result = step.call();
            latency.computeIfAbsent(kind, k -> new Recorder(3))
                    .recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start)));
            commands.increment();
            return result;
        }

        void unit() {
            units.increment();
        }
    }

    record Outcome(Machine.Snapshot start, Machine.Snapshot end, long commands, long units, long errors,
                   Map<String, Histogram> latency) {
        double seconds() {
            return (end.nanos() - start.nanos()) / 1e9;
        }
    }

    private ClosedLoop() {
    }

    static Outcome run(String name, int threads, IntFunction<Worker> workers, Duration warmup, Duration measure,
                       Postgres pg, Profiler profiler) throws InterruptedException {
        Load load = new Load();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Worker worker = workers.apply(i);
            Thread t = new Thread(() -> {
                while (running.get()) {
                    try {
                        worker.iteration(load);
                    } catch (Exception e) {
                        load.errors.increment();
                        if (load.printedErrors.incrementAndGet() <= 5) {
                            System.err.println("[" + name + "] error: " + e);
                            if (load.printedErrors.get() == 1) {
                                e.printStackTrace();
                            }
                        }
                        sleep(20);
                    }
                }
            }, name + "-" + i);
            t.setDaemon(true);
            started.add(t);
        }
        started.forEach(Thread::start);
        Progress.sleepWithProgress(name + " warm-up", warmup, load);

        profiler.start(name);
        load.latency.values().forEach(Recorder::getIntervalHistogram); // drop the warm-up's samples
        long c0 = load.commands.sum();
        long u0 = load.units.sum();
        long e0 = load.errors.sum();
        Machine.Snapshot s0 = Machine.take(pg);

        Progress.sleepWithProgress(name + " measuring", measure, load);

        Machine.Snapshot s1 = Machine.take(pg);
        long c1 = load.commands.sum();
        long u1 = load.units.sum();
        long e1 = load.errors.sum();
        Map<String, Histogram> latency = new TreeMap<>();
        load.latency.forEach((k, r) -> latency.put(k, r.getIntervalHistogram()));
        profiler.stop(name);

        running.set(false);
        for (Thread t : started) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        return new Outcome(s0, s1, c1 - c0, u1 - u0, e1 - e0, latency);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints a line every few seconds so that a stuck phase is visible. */
    static final class Progress {
        private Progress() {
        }

        static void sleepWithProgress(String what, Duration duration, Load load) throws InterruptedException {
            long end = System.nanoTime() + duration.toNanos();
            long lastCommands = load.commands.sum();
            long lastTime = System.nanoTime();
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 5000));
                long now = System.nanoTime();
                long commands = load.commands.sum();
                System.out.printf("  %-34s %7.0f commands/s  (errors so far: %d, load %.2f)%n", what,
                        (commands - lastCommands) / ((now - lastTime) / 1e9), load.errors.sum(),
                        Machine.loadAverage()[0]);
                lastCommands = commands;
                lastTime = now;
            }
        }
    }
}
