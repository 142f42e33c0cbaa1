package io.invoiceflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Running wrk (Debian's package) and reading its report. */
final class Wrk {
    private Wrk() {
    }

    /** Requests per second and latency in ms from a run with {@code --latency}. */
    record Report(double rps, double p50, double p90, double p99, double max) {
    }

    /** Runs {@code command}; its output. Fails when wrk fails or saw a status other than 2xx/3xx. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        if (out.contains("Non-2xx or 3xx responses")) {
            throw new IllegalStateException("wrk saw errors: " + out);
        }
        return out;
    }

    static Report parse(String out) {
        return new Report(Double.parseDouble(find(out, "Requests/sec:\\s+([0-9.]+)")),
                ms(find(out, "\\s50%\\s+([0-9.]+\\w+)")), ms(find(out, "\\s90%\\s+([0-9.]+\\w+)")),
                ms(find(out, "\\s99%\\s+([0-9.]+\\w+)")), ms(find(out, "Latency\\s+\\S+\\s+\\S+\\s+([0-9.]+\\w+)")));
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text);
        }
        return m.group(1);
    }

    private static double ms(String value) {
        Matcher m = Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException("not a duration: " + value);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
    }
}
