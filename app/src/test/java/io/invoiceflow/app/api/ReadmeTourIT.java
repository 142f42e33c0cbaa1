package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's tour, run as written with bash and curl against the app on embedded defaults (local mail sink):
 * every command answers without an error, and the tour ends with the invoice and the order confirmation in the
 * local mailbox. Only the port is substituted, and each {@code NAME=<... from the response>} line is filled in
 * from the answer before it, as a reader would.
 */
class ReadmeTourIT {
    private static final String OPERATOR = "ifa_readme-tour-operator-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("^(\\w+)=<([^>]*)>$");
    private static final Pattern HTTP_STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})", Pattern.MULTILINE);
    private static final Pattern PROBLEM_STATUS = Pattern.compile("\"status\"\\s*:\\s*[45]\\d\\d");
    private static final Pattern ASSIGNMENT = Pattern.compile("^(\\w+)=\\$\\(");
    /** The fields a reader copies from the answer before a placeholder line. */
    private static final Map<String, String> FIELDS = Map.of("TENANT", "tenantId", "KEY", "apiKey",
            "INVOICE", "invoiceId", "ORDER", "orderId", "DIST", "distributionId");

    @RegisterExtension
    static final LoopbackApp<AutoCloseable> APP = LoopbackApp.with(OPERATOR, () -> () -> { }, mail -> Map.of());

    @TempDir
    Path work;

    private final Map<String, String> shell = new HashMap<>();
    private String kariUserId = "";
    private String lastAnswer = "";

    @Test
    void shouldRunTheReadmeTourAsWritten_endingWithTheInvoiceInTheLocalMailbox() throws Exception {
        // given the tour and the read-side examples of the README
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> commands = new ArrayList<>(commands(section(readme, "## A tour with curl", "Watch the events")));
        commands.addAll(commands(section(readme, "### Reading: the read side", "Histories exist")));
        assertThat(commands).as("commands of the tour").hasSizeGreaterThan(20);
        shell.put("ADMIN", OPERATOR);

        // when each runs in order
        for (String command : commands) {
            run(command.replace("localhost:8080", "localhost:" + APP.invoiceflow().port()));
        }

        // then the invoice went out as a PDF, and the order confirmation after it
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mailbox().size() >= 2);
        assertThat(mailbox()).extracting(m -> m.path("subject").asText())
                .anyMatch(s -> s.startsWith("PDF-faktura fra Fjordkraft Regnskap AS"))
                .anyMatch(s -> s.startsWith("Ordrebekreftelse"));
        assertThat(Files.readString(work.resolve("invoice.eml"), StandardCharsets.ISO_8859_1)).contains("INV-1001.pdf");
        assertThat(new String(Files.readAllBytes(work.resolve("INV-1001.pdf")), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    private void run(String command) throws Exception {
        Matcher placeholder = PLACEHOLDER.matcher(command.strip());
        if (placeholder.matches()) {
            String name = placeholder.group(1);
            if (!name.equals("ADMIN")) {
                String field = FIELDS.get(name);
                assertThat(field).as("a placeholder the tour explains: %s", command).isNotNull();
                JsonNode answer = JSON.readTree(lastAnswer.substring(lastAnswer.indexOf('{')));
                assertThat(answer.path(field).asText()).as("%s in the answer before %s", field, name).isNotEmpty();
                shell.put(name, answer.path(field).asText());
            }
            return;
        }
        if (command.startsWith("kcat ")) {
            return; // a Kafka client the reader installs; the topic is checked by EventStreamContract
        }
        String script = command;
        if (script.contains("<id from the list>")) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !mailbox().isEmpty());
            script = script.replace("<id from the list>", mailbox().get(0).path("id").asText());
        }
        script = script.replace("<Kari's userId>", kariUserId);
        Matcher assignment = ASSIGNMENT.matcher(script);
        if (assignment.find()) {
            String value = bash(script + "\necho \"$" + assignment.group(1) + "\"").strip();
            assertThat(value).as("%s", command).isNotEmpty();
            shell.put(assignment.group(1), value);
            return;
        }
        String answer = bash(script);
        // a read may come before the read side has the write, as the tour's "a few seconds later" says: ask again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!script.contains(" -X ") && answer.contains("\"code\":\"NOT_FOUND\"") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = bash(script);
        }
        Matcher status = HTTP_STATUS.matcher(answer);
        while (status.find()) {
            assertThat(Integer.parseInt(status.group(1))).as("%s%n-> %s", command, answer).isLessThan(400);
        }
        assertThat(PROBLEM_STATUS.matcher(answer).find()).as("%s%n-> %s", command, answer).isFalse();
        if (answer.contains("\"userId\"") && answer.contains("\"name\":\"Kari\"")) {
            kariUserId = JSON.readTree(answer.substring(answer.indexOf('{'))).path("userId").asText();
        }
        lastAnswer = answer;
    }

    private String bash(String script) throws IOException, InterruptedException {
        ProcessBuilder process = new ProcessBuilder("bash", "-c", script).directory(work.toFile()).redirectErrorStream(true);
        process.environment().putAll(shell);
        Process running = process.start();
        byte[] out = running.getInputStream().readAllBytes();
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).as("%s finished", script).isTrue();
        String answer = new String(out, StandardCharsets.UTF_8);
        assertThat(running.exitValue()).as("%s%n-> %s", script, answer).isZero();
        return answer;
    }

    private static List<JsonNode> mailbox() {
        List<JsonNode> items = new ArrayList<>();
        APP.api().get("/api/v1/dev/mailbox").token(OPERATOR).send().json().path("items").forEach(items::add);
        return items;
    }

    /** The text from the heading {@code from} to the first line starting with {@code to}. */
    private static String section(String readme, String from, String to) {
        int start = readme.indexOf("\n" + from + "\n");
        assertThat(start).as("README section %s", from).isNotNegative();
        int end = readme.indexOf("\n" + to, start + 1);
        assertThat(end).as("end of README section %s", from).isGreaterThan(start);
        return readme.substring(start, end);
    }

    /** The commands of the section's {@code sh} blocks: comments dropped, continued and multi-line quoted commands joined. */
    static List<String> commands(String section) {
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder current = new StringBuilder();
        for (String line : section.split("\n")) {
            if (line.startsWith("```")) {
                inBlock = line.startsWith("```sh");
                continue;
            }
            if (!inBlock || (current.length() == 0 && (line.isBlank() || line.strip().startsWith("#")))) {
                continue;
            }
            current.append(line).append('\n');
            // placeholders such as <Kari's userId> are prose, not shell quoting
            boolean quotesClosed = current.toString().replaceAll("<[^>\n]*>", "").chars().filter(c -> c == '\'').count() % 2 == 0;
            if (quotesClosed && !line.stripTrailing().endsWith("\\")) {
                commands.add(current.toString().strip());
                current.setLength(0);
            }
        }
        assertThat(current.length()).as("an unfinished command at the end of a block").isZero();
        return commands;
    }
}
