package io.invoiceflow.app.dev;

import io.invoiceflow.events.DomainException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock of a development installation: the real time plus an offset the operator moves forward.
 * The offset is kept in the data directory ({@code dev-clock}), so a restart keeps the simulated time
 * and time never runs backwards for the event store.
 */
public final class DevClock extends Clock {
    private static final String FILE = "dev-clock";

    private final Clock base;
    private final Path file;
    private volatile Duration offset;

    private DevClock(Clock base, Path file, Duration offset) {
        this.base = base;
        this.file = file;
        this.offset = offset;
    }

    /** The clock of {@code dataDir}: the offset saved there, or none. */
    public static DevClock load(Clock base, Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Duration offset = Duration.ZERO;
        if (Files.exists(file)) {
            try {
                offset = Duration.parse(Files.readString(file, StandardCharsets.UTF_8).trim());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            } catch (RuntimeException e) {
                throw new IllegalStateException(file + " does not hold a duration such as PT72H; delete it to use the "
                        + "real time", e);
            }
        }
        return new DevClock(base, file, offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return DevClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return DevClock.this.instant();
            }
        };
    }

    /** Moves the time forward to {@code target} (no move when it is there already); never backwards. */
    public synchronized Instant moveTo(Instant target) {
        Instant now = instant();
        if (target.isBefore(now)) {
            throw DomainException.invalid("now", "forward", "the clock only moves forward: " + target
                    + " is before the installation's time " + now);
        }
        Duration next = offset.plus(Duration.between(now, target));
        try {
            Path temp = file.resolveSibling(FILE + ".tmp");
            Files.writeString(temp, next.toString(), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the clock to " + file, e);
        }
        offset = next;
        return instant();
    }
}
