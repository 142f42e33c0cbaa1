package io.invoiceflow.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Phase (a)'s load from wrk, a separate process written in C, instead of the JDK HttpClient in the app's own JVM
 * (that client cost ~0.3 ms of the JVM's CPU per command, a tenth of the window, counted against the server).
 * Each wrk connection loops create then finalize: a Lua script keeps, per wrk thread, the invoices whose create
 * was answered (201 + Location) and finalizes one before it creates the next. wrk's latency percentiles cover
 * both commands together.
 */
final class WrkInvoiceLoad {
    private static final Pattern COUNTS = Pattern.compile("created (\\d+) finalized (\\d+) failed (\\d+)");

    private WrkInvoiceLoad() {
    }

    /** wrk's answer for the measured window. */
    record Result(ClosedLoop.Outcome outcome, Wrk.Report report) {
    }

    static Result run(String name, int port, List<HttpApi.Tenant> tenants, int connections, Duration warmup,
                      Duration measure, Path dir, Postgres pg, Profiler profiler) throws IOException, InterruptedException {
        Path script = dir.resolve(name + ".lua");
        Files.writeString(script, script(tenants));
        String url = "http://127.0.0.1:" + port + "/";
        Wrk.run(command(url, script, connections, warmup));
        profiler.start(name);
        Machine.Snapshot s0 = Machine.take(pg);
        String out = Wrk.run(command(url, script, connections, measure));
        Machine.Snapshot s1 = Machine.take(pg);
        profiler.stop(name);
        Matcher counts = COUNTS.matcher(out);
        if (!counts.find()) {
            throw new IllegalStateException("wrk printed no counts: " + out);
        }
        long created = Long.parseLong(counts.group(1));
        long finalized = Long.parseLong(counts.group(2));
        long failed = Long.parseLong(counts.group(3));
        Map<String, Histogram> latency = new TreeMap<>();
        ClosedLoop.Outcome outcome = new ClosedLoop.Outcome(s0, s1, created + finalized, finalized, failed, latency);
        return new Result(outcome, Wrk.parse(out));
    }

    private static List<String> command(String url, Path script, int connections, Duration duration) {
        return List.of("wrk", "-t" + Math.min(2, connections), "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "-s", script.toString(), url);
    }

    /** The create-then-finalize loop; the tenants rotate per wrk thread, each finalize with its invoice's key. */
    static String script(List<HttpApi.Tenant> tenants) {
        String list = tenants.stream().map(t -> "{id=\"" + t.tenantId() + "\", key=\"" + t.apiKey() + "\"}")
                .collect(Collectors.joining(", "));
        return """
                local tenants = {%s}
                local keys = {}
                for _, t in ipairs(tenants) do keys[t.id] = t.key end
                local draft = [==[%s]==]
                local threads = {}
                function setup(thread)
                  thread:set("index", #threads)
                  table.insert(threads, thread)
                end
                function init(args)
                  created, finalized, failed = 0, 0, 0
                  pending = {}
                  turn = tonumber(index) or 0
                end
                function request()
                  local invoice = table.remove(pending)
                  if invoice ~= nil then
                    return wrk.format("POST", invoice.path .. "/finalize",
                      { ["Authorization"] = "Bearer " .. invoice.key }, "")
                  end
                  turn = turn %% #tenants + 1
                  local t = tenants[turn]
                  return wrk.format("POST", "/api/v1/tenants/" .. t.id .. "/invoices",
                    { ["Authorization"] = "Bearer " .. t.key, ["Content-Type"] = "application/json" }, draft)
                end
                function response(status, headers, body)
                  if status == 201 then
                    local location = headers["Location"] or headers["location"]
                    local tenant = string.match(location, "/tenants/([^/]+)/")
                    table.insert(pending, { path = string.match(location, "(/api/.*)$"), key = keys[tenant] })
                    created = created + 1
                  elseif status == 200 then
                    finalized = finalized + 1
                  else
                    failed = failed + 1
                  end
                end
                function done(summary, latency, requests)
                  local c, f, e = 0, 0, 0
                  for _, t in ipairs(threads) do
                    c = c + t:get("created")
                    f = f + t:get("finalized")
                    e = e + t:get("failed")
                  end
                  io.write(string.format("created %%d finalized %%d failed %%d\\n", c, f, e))
                end
                """.formatted(list, SampleData.DRAFT_JSON);
    }
}
