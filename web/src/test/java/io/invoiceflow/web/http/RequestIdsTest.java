package io.invoiceflow.web.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static io.invoiceflow.web.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(cfg -> cfg.routes.get("/id", ctx -> ctx.result(RequestIds.of(ctx))));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void shouldEchoClientId_whenItIsASaneToken() {
        // given
        String id = "client:trace-42_a.b";

        // when
        HttpResponse<String> response = server.get("/id", RequestIds.HEADER, id);

        // then
        assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValue(id);
        assertThat(response.body()).isEqualTo(id);
    }

    @Test
    void shouldGenerateUuid_whenHeaderIsAbsent() {
        // given no X-Request-Id

        // when
        HttpResponse<String> response = server.get("/id");

        // then
        assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(id -> assertThat(id).matches(UUID_PATTERN));
        assertThat(response.body()).isEqualTo(response.headers().firstValue(RequestIds.HEADER).orElseThrow());
    }

    @Test
    void shouldReplaceClientId_whenItHasForbiddenCharacters() {
        // given
        String id = "<script>alert(1)</script>";

        // when
        HttpResponse<String> response = server.get("/id", RequestIds.HEADER, id);

        // then
        assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(echoed -> assertThat(echoed).matches(UUID_PATTERN));
    }

    @Test
    void shouldReplaceClientId_whenItIsLongerThan100Characters() {
        // given
        String id = "a".repeat(101);

        // when
        HttpResponse<String> response = server.get("/id", RequestIds.HEADER, id);

        // then
        assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(echoed -> assertThat(echoed).matches(UUID_PATTERN));
    }

    @Test
    void shouldPutIdInProblemAndHeader_whenRequestFails() {
        // given
        String id = "req-7";

        // when
        HttpResponse<String> response = server.get("/unknown", RequestIds.HEADER, id);

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValue(id);
        assertThat(json(response).get("requestId").textValue()).isEqualTo(id);
    }

    @Test
    void shouldGenerateDistinctVersion4Uuids_whenManyIdsAreDrawn() {
        // given
        Set<UUID> drawn = new HashSet<>();

        // when
        for (int i = 0; i < 10_000; i++) {
            drawn.add(RequestIds.randomUuid());
        }

        // then
        assertThat(drawn).hasSize(10_000).allSatisfy(uuid -> {
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
        });
    }
}
