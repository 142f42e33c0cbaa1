package io.invoiceflow.web.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV request bodies: text/csv in UTF-8 only, and a size limit of their own checked before reading more. */
class CsvBodiesTest {
    private static final int LIMIT = 100;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(cfg -> cfg.routes.post("/file", ctx -> ctx.result(CsvBodies.read(ctx, LIMIT).length + " bytes")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "TEXT/CSV", "text/csv; charset=utf-8", "text/csv;charset=\"UTF-8\";header=present"})
    void shouldReadTheFile_whenItIsTextCsvInUtf8(String contentType) {
        // given / when
        HttpResponse<String> response = server.post("/file", contentType, "customer_number,email\n");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("22 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "application/vnd.ms-excel", "text/csv; charset=windows-1252",
            "text/csv; charset"})
    void shouldAnswer415_whenTheBodyIsNotUtf8Csv(String contentType) {
        // given / when
        HttpResponse<String> response = server.post("/file", contentType, "customer_number,email\n");

        // then
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(TestServer.json(response).path("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void shouldAnswer415_whenThereIsNoContentType() {
        // given / when
        HttpResponse<String> response = server.post("/file", null, "customer_number,email\n");

        // then
        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void shouldReadTheFile_whenItHasExactlyTheLimit() {
        // given / when
        HttpResponse<String> response = server.post("/file", "text/csv", "x".repeat(LIMIT));

        // then
        assertThat(response.body()).isEqualTo(LIMIT + " bytes");
    }

    @Test
    void shouldAnswer413NamingTheLimit_whenTheDeclaredLengthIsTooLarge() {
        // given / when
        HttpResponse<String> response = server.post("/file", "text/csv", "x".repeat(LIMIT + 1));

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(TestServer.json(response).path("code").asText()).isEqualTo("CONTENT_TOO_LARGE");
        assertThat(TestServer.json(response).path("detail").asText()).contains(LIMIT + " bytes", "split");
    }

    @Test
    void shouldAnswer413_whenAChunkedBodyGrowsBeyondTheLimit() throws IOException, InterruptedException {
        // given a body without Content-Length
        byte[] body = "y".repeat(LIMIT * 3).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/file"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        // when
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @RepeatedTest(20)
    void shouldAnswer413_whenAClientSendsAFileFarOverTheLimitWithoutWaitingForTheAnswer() {
        // given a 10 MiB file sent in one go (no Expect: 100-continue), which the server refuses by its length
        String body = "1,a@b.example\n".repeat(10 * 1024 * 1024 / 14 + 1);

        // when
        HttpResponse<String> response = server.post("/file", "text/csv", body);

        // then the client gets the answer, not a connection closed while it still writes
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(TestServer.json(response).path("code").asText()).isEqualTo("CONTENT_TOO_LARGE");
    }

    @Test
    void shouldAnswer413WithoutAskingForTheBody_whenTheClientExpectsContinue() throws IOException {
        // when a client sends only the headers of a 10 MiB file and waits for 100 Continue
        String statusLine = server.statusLineExpectingContinue("/file", "text/csv", 10485760L);

        // then the final answer comes at once, not a 100 Continue
        assertThat(statusLine).startsWith("HTTP/1.1 413 ");
    }
}
