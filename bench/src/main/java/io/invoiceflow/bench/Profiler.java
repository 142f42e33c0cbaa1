package io.invoiceflow.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;

/** Optional JFR recording ("profile" settings) of each measured window, one file per window. */
final class Profiler {
    private final Path dir;
    private final Map<String, Recording> open = new HashMap<>();

    Profiler(Path dir) {
        this.dir = dir;
    }

    void start(String window) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setName(window);
            recording.start();
            open.put(window, recording);
        } catch (IOException | ParseException e) {
            System.err.println("JFR: cannot start a recording: " + e);
        }
    }

    void stop(String window) {
        Recording recording = open.remove(window);
        if (recording == null) {
            return;
        }
        try {
            recording.stop();
            Path file = dir.resolve(window.replaceAll("[^A-Za-z0-9_.-]", "_") + ".jfr");
            recording.dump(file);
            System.out.println("  JFR recording of " + window + ": " + file
                    + " (summary: java -cp bench/target/invoiceflow-bench.jar io.invoiceflow.bench.JfrSummary " + file + ")");
        } catch (IOException e) {
            System.err.println("JFR: cannot write the recording: " + e);
        } finally {
            recording.close();
        }
    }
}
