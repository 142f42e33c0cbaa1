package io.invoiceflow.app.compose;

import io.invoiceflow.app.AppConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@code docker-compose.yml} without Docker (the build machines have no engine): the services of the
 * scale-out shape exist, the app instances use only settings {@link AppConfig} knows and point at the broker
 * and database as those are configured in the file, and they run the jar the build produces.
 */
class DockerComposeFileTest {

    /** The repository root seen from the app module, where Maven runs this test. */
    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");
    private static final String JAR_IN_CONTAINER = "/app/invoiceflow.jar";
    private static final Pattern LISTENER = Pattern.compile("^([A-Za-z0-9_]+)://([^:]*):(\\d+)$");
    private static final Pattern POSTGRES_URL = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?;]+)(?:[?;].*)?$");

    private static String text;
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        assertThat(COMPOSE_FILE).as("docker-compose.yml at the repository root").isRegularFile();
        text = Files.readString(COMPOSE_FILE, StandardCharsets.UTF_8);
        try (Reader reader = Files.newBufferedReader(COMPOSE_FILE, StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            services = (Map<String, Object>) compose.get("services");
        }
        assertThat(services).as("services").isNotNull();
    }

    @Test
    void shouldExplainUpFront_thatItCannotRunHereAndNeedsTheJar() {
        // given the file's leading comment
        String header = text.lines().takeWhile(line -> line.startsWith("#") || line.isBlank())
                .reduce("", (a, b) -> a + b + "\n");

        // when reading it

        // then it says that there is no Docker engine on the build machines and that the jar is built first
        assertThat(header).contains("Docker engine").contains("mvn").contains("package");
    }

    @Test
    void shouldHaveKafkaPostgresMailpitAndTwoAppInstances() {
        // given the services

        // when looking for the infrastructure and the app instances
        List<String> apps = appServices();

        // then they are all there
        assertThat(services).containsKeys("kafka", "postgres", "mailpit");
        assertThat(apps).as("app services (running " + JAR_IN_CONTAINER + ")").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldSetOnlyKnownSettings_onEveryAppInstance() {
        for (String app : appServices()) {
            // given an app instance's environment
            Set<String> keys = environment(app).keySet();

            // when comparing it with the settings the app reads

            // then each variable is one of them
            assertThat(AppConfig.KEYS.keySet()).as(app + " sets only AppConfig.KEYS").containsAll(keys);
            assertThat(keys).as(app).contains("PORT", "INVOICEFLOW_DATA_DIR", "INVOICEFLOW_ADMIN_TOKEN",
                    "KAFKA_BOOTSTRAP_SERVERS", "DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD",
                    "INVOICEFLOW_NODE_ID");
        }
    }

    @Test
    void shouldRunASingleNodeKraftBroker_withReplicationFactorsOfOne() {
        // given the kafka service's settings
        Map<String, String> kafka = environment("kafka");

        // when reading its roles and replication settings

        // then it is a combined KRaft broker and controller whose internal topics fit on one node
        assertThat(Arrays.stream(kafka.get("KAFKA_PROCESS_ROLES").split(",")).map(String::trim))
                .containsExactlyInAnyOrder("broker", "controller");
        assertThat(kafka).containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsKeys("KAFKA_NODE_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_CONTROLLER_LISTENER_NAMES",
                        "KAFKA_LISTENERS", "KAFKA_ADVERTISED_LISTENERS", "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP");
    }

    @Test
    void shouldPointEveryAppAtKafkasInternalListener() {
        // given the listener the broker advertises inside the compose network (the inter-broker one)
        Map<String, String> kafka = environment("kafka");
        String internal = kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME");
        assertThat(internal).as("KAFKA_INTER_BROKER_LISTENER_NAME").isNotBlank();
        Map<String, String> advertised = listeners(kafka.get("KAFKA_ADVERTISED_LISTENERS"));
        Map<String, String> bound = listeners(kafka.get("KAFKA_LISTENERS"));
        String hostPort = advertised.get(internal);
        assertThat(hostPort).as("advertised " + internal + " listener").isNotNull();

        // when comparing it with the kafka service's names and its bound listener, and with each app's setting

        // then it names the kafka service on the port the broker listens on, and every app uses it
        String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
        String port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
        assertThat(host).isIn(namesOf("kafka"));
        assertThat(bound.get(internal)).as("bound " + internal + " listener").endsWith(":" + port);
        for (String app : appServices()) {
            assertThat(environment(app).get("KAFKA_BOOTSTRAP_SERVERS")).as(app).isEqualTo(hostPort);
        }
    }

    @Test
    void shouldPointEveryAppAtThePostgresServiceAndItsDatabase() {
        // given the postgres service's database and credentials
        Map<String, String> postgres = environment("postgres");
        assertThat(String.valueOf(service("postgres").get("image"))).startsWith("postgres:15");
        assertThat(postgres).containsKeys("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");

        for (String app : appServices()) {
            // when parsing each app's DATABASE_URL
            Map<String, String> env = environment(app);
            Matcher url = POSTGRES_URL.matcher(env.get("DATABASE_URL"));

            // then it names the postgres service on 5432, its database, and its user and password
            assertThat(url.matches()).as(app + " DATABASE_URL " + env.get("DATABASE_URL")).isTrue();
            assertThat(url.group(1)).as(app + " database host").isIn(namesOf("postgres"));
            assertThat(url.group(2) == null ? "5432" : url.group(2)).as(app + " database port").isEqualTo("5432");
            assertThat(url.group(3)).as(app + " database name").isEqualTo(postgres.get("POSTGRES_DB"));
            assertThat(env.get("DATABASE_USER")).as(app).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(env.get("DATABASE_PASSWORD")).as(app).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        }
    }

    @Test
    void shouldRunTheJarTheBuildProduces_onEveryAppInstance() throws IOException {
        // given the name the shade plugin gives the app's jar
        assertThat(Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8))
                .as("app/pom.xml names the shaded jar invoiceflow.jar").contains("<finalName>invoiceflow</finalName>");

        for (String app : appServices()) {
            // when reading each app's jar mount and command
            String mount = volumes(app).stream().filter(v -> v.split(":").length >= 2 && v.split(":")[1].equals(JAR_IN_CONTAINER))
                    .findFirst().orElseThrow();
            Path source = Path.of(mount.split(":")[0]).normalize();
            List<String> command = strings(service(app).get("command"));

            // then it mounts app/target/invoiceflow.jar read-only and runs it with java -jar
            assertThat(source).as(app + " jar source").isEqualTo(Path.of("app", "target", "invoiceflow.jar"));
            assertThat(mount).as(app).endsWith(":ro");
            assertThat(command).as(app + " command").startsWith("java").containsSubsequence("-jar", JAR_IN_CONTAINER);
            assertThat(String.valueOf(service(app).get("image"))).as(app).startsWith("eclipse-temurin:17");
            assertThat(service(app)).as(app + " is not built here").doesNotContainKey("build");
        }
    }

    @Test
    void shouldGiveEveryAppInstanceItsOwnNodeIdAndHostPort_andTheSameAdminToken() {
        // given the app instances
        List<String> apps = appServices();

        // when collecting their node ids, published ports and admin tokens
        List<String> nodeIds = apps.stream().map(app -> environment(app).get("INVOICEFLOW_NODE_ID")).toList();
        List<String> hostPorts = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        for (String app : apps) {
            String containerPort = environment(app).get("PORT");
            List<String> ports = strings(service(app).get("ports"));
            assertThat(ports).as(app + " publishes its PORT").anyMatch(p -> p.endsWith(":" + containerPort));
            ports.forEach(p -> hostPorts.add(p.substring(0, p.lastIndexOf(':'))));
            tokens.add(environment(app).get("INVOICEFLOW_ADMIN_TOKEN"));
        }

        // then node ids and host ports are distinct, and one operator token works on every instance
        assertThat(nodeIds).doesNotContainNull().allMatch(id -> !id.isBlank()).doesNotHaveDuplicates();
        assertThat(hostPorts).doesNotHaveDuplicates();
        assertThat(tokens).hasSize(1);
    }

    @Test
    void shouldStartAppsOnlyOnceKafkaAndPostgresAreHealthy() {
        for (String app : appServices()) {
            // given an app instance's dependencies
            Map<String, String> conditions = dependsOn(app);

            // when following them
            Set<String> reached = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(conditions.keySet());
            while (!todo.isEmpty()) {
                String dependency = todo.pop();
                if (reached.add(dependency)) {
                    todo.addAll(dependsOn(dependency).keySet());
                }
            }

            // then each waits for a health check that exists or for a one-shot job, and kafka and postgres are healthy
            conditions.forEach((dependency, condition) -> {
                assertThat(condition).as(app + " -> " + dependency)
                        .isIn("service_healthy", "service_completed_successfully");
                if (condition.equals("service_healthy")) {
                    assertThat(service(dependency)).as(dependency + " has a healthcheck").containsKey("healthcheck");
                }
            });
            assertThat(conditions).as(app).containsEntry("postgres", "service_healthy")
                    .containsEntry("kafka", "service_healthy");
            assertThat(reached).as(app + " depends on").contains("kafka", "postgres");
        }
    }

    // ---- helpers

    /** Services that run the app's jar. */
    private static List<String> appServices() {
        return services.keySet().stream()
                .filter(name -> volumes(name).stream().anyMatch(v -> v.contains(":" + JAR_IN_CONTAINER)))
                .sorted()
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Object service = services.get(name);
        assertThat(service).as("service " + name).isInstanceOf(Map.class);
        return (Map<String, Object>) service;
    }

    /** The environment in either of the compose forms (map, or list of KEY=VALUE), values as strings. */
    private static Map<String, String> environment(String name) {
        Object env = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            for (Object entry : list) {
                String[] kv = String.valueOf(entry).split("=", 2);
                result.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        }
        return result;
    }

    private static List<String> volumes(String name) {
        return strings(service(name).get("volumes"));
    }

    /** depends_on as dependency -> condition; the list form means service_started. */
    private static Map<String, String> dependsOn(String name) {
        Object dependsOn = service(name).get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k),
                    v instanceof Map<?, ?> m && m.get("condition") != null ? String.valueOf(m.get("condition")) : "service_started"));
        } else if (dependsOn instanceof List<?> list) {
            list.forEach(d -> result.put(String.valueOf(d), "service_started"));
        }
        return result;
    }

    /** The names a service answers to on the compose network: its name, its hostname and network aliases. */
    private static Set<String> namesOf(String name) {
        Set<String> names = new HashSet<>();
        names.add(name);
        Object hostname = service(name).get("hostname");
        if (hostname != null) {
            names.add(String.valueOf(hostname));
        }
        if (service(name).get("networks") instanceof Map<?, ?> networks) {
            for (Object network : networks.values()) {
                if (network instanceof Map<?, ?> settings) {
                    names.addAll(strings(settings.get("aliases")));
                }
            }
        }
        return names;
    }

    /** {@code NAME://host:port,...} as name -> host:port. */
    private static Map<String, String> listeners(String value) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String listener : Objects.requireNonNull(value, "listener list").split(",")) {
            Matcher m = LISTENER.matcher(listener.trim());
            assertThat(m.matches()).as("listener " + listener).isTrue();
            result.put(m.group(1), m.group(2) + ":" + m.group(3));
        }
        return result;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}
