package io.invoiceflow.web.api;

import java.util.Map;

/** Health and metrics of the running system. */
public interface Operations {
    /** Component states ({@code UP}/{@code DOWN} with details) for {@code /health/ready}. */
    Map<String, Object> readiness();

    boolean ready(Map<String, Object> readiness);

    /** Prometheus text exposition of every meter. */
    String scrape();

    /** Called after every request, to count and time it. */
    void recordRequest(String method, String routeTemplate, int status, long nanos);
}
