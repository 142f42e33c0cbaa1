package io.invoiceflow.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Javalin answers a request with the first route of its method whose path matches, in the order the routes were
 * added; WebApp adds its most frequent route first. No route may hide a later one.
 */
class RouteOrderTest {

    @Test
    void shouldReachEveryRoute_whenItsOwnPathIsRequested() {
        // given
        List<WebApp.Route> routes = WebApp.routes();
        List<String> hidden = new ArrayList<>();

        // when
        for (WebApp.Route route : routes) {
            String requested = route.path().replaceAll("\\{[^}]+}", "some-id");
            WebApp.Route answering = routes.stream()
                    .filter(r -> r.method().equals(route.method()) && pattern(r.path()).matcher(requested).matches())
                    .findFirst().orElseThrow();
            if (!answering.equals(route)) {
                hidden.add(route + " is answered by " + answering);
            }
        }

        // then
        assertThat(routes).hasSizeGreaterThan(50);
        assertThat(hidden).isEmpty();
    }

    @Test
    void shouldTryTheReadOfAnInvoiceFirst_whenAGetArrives() {
        // when
        WebApp.Route first = WebApp.routes().stream().filter(r -> r.method().equals("GET")).findFirst().orElseThrow();

        // then
        assertThat(first.path()).isEqualTo(WebApp.API + "/tenants/{tenantId}/invoices/{invoiceId}");
    }

    private static Pattern pattern(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
