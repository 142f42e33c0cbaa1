package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.invoiceflow.app.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The frequency catalogue (Q1-Q5) through the API. */
interface FrequencyContract extends ApiTestContext {
    String EVERY_OTHER_FRIDAY = """
            {"pattern": {"frequency": "WEEKLY", "interval": 2, "weekdays": ["FRIDAY"]}, "anchor": "2026-01-02"}""";
    String MONTH_END = """
            {"name": "Month end", "pattern": {"frequency": "MONTHLY", "interval": 1, "dayRule": "DAY_OF_MONTH",
             "dayOfMonth": 31}, "anchor": "2026-01-31", "end": {"kind": "AFTER_OCCURRENCES", "occurrences": 3}}""";

    static String create(TenantFixture tenant, String body) {
        return tenant.expect(201, tenant.post("/frequencies", body)).json().path("frequencyId").asText();
    }

    @Test
    default void shouldCreateAndReadFrequency_whenPatternIsPosted() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse created = tenant.post("/frequencies", EVERY_OTHER_FRIDAY);

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("frequencyId").asText();
        assertThat(created.location()).isEqualTo(tenant.path("/frequencies/" + id));
        assertThat(created.etag()).isEqualTo("\"0\"");
        JsonNode view = created.json();
        assertThat(view.path("name").asText()).isEqualTo("Hver 2. uke på fredag");
        assertThat(view.path("automaticName").asBoolean()).isTrue();
        assertThat(view.path("summary").asText()).isEqualTo("Hver 2. uke på fredag");
        assertThat(view.path("endSummary").asText()).isEqualTo("Ingen sluttdato");
        assertThat(view.path("rrule").asText()).isEqualTo("DTSTART;VALUE=DATE:20260102\r\n"
                + "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;WKST=MO\r\nX-WR-TIMEZONE:Europe/Oslo");
        LocalDate next = LocalDate.parse(view.path("nextDate").asText());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        assertThat(next).isAfterOrEqualTo(today).isBefore(today.plusDays(14));
        assertThat(next.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        assertThat(view.path("inUse").asInt()).isZero();
        assertThat(view.path("active").asBoolean()).isTrue();
        assertThat(view.path("createdBy").asText()).isEqualTo(tenant.accountantUserId);
        assertThat(view.path("lastChangedByName").asText()).isEqualTo("Oda Accountant");
        ApiResponse read = tenant.get("/frequencies/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(view);
    }

    @Test
    default void shouldCreateFromRrule_whenScheduleIsGivenAsRfc5545Text() {
        // given the last Friday of every month, twelve times
        TenantFixture tenant = newTenant();
        String body = "{\"rrule\": \"DTSTART;VALUE=DATE:20260130\\nRRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=12\\nX-WR-TIMEZONE:Europe/Oslo\"}";

        // when
        ApiResponse created = tenant.post("/frequencies", body);

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode view = created.json();
        assertThat(view.path("name").asText()).isEqualTo("Siste fredag i måneden");
        assertThat(view.path("pattern").path("dayRule").asText()).isEqualTo("NTH_WEEKDAY");
        assertThat(view.path("pattern").path("position").asText()).isEqualTo("LAST");
        assertThat(view.path("end").path("occurrences").asInt()).isEqualTo(12);
        assertThat(view.path("endSummary").asText()).isEqualTo("Slutter etter 12 ganger");
        assertThat(view.path("anchor").asText()).isEqualTo("2026-01-30");
    }

    @Test
    default void shouldChangeRenameDeactivateAndReactivate_whenIfMatchIsCurrent() {
        // given
        TenantFixture tenant = newTenant();
        String id = create(tenant, EVERY_OTHER_FRIDAY);
        String path = "/frequencies/" + id;

        // when
        ApiResponse changed = tenant.put(path, """
                {"pattern": {"frequency": "MONTHLY", "interval": 3, "dayRule": "LAST_DAY"}}""", "\"0\"");
        ApiResponse stale = tenant.put(path, EVERY_OTHER_FRIDAY, "\"0\"");
        ApiResponse renamed = api().post(tenant.path(path + "/rename")).token(tenant.accountantKey).ifMatch("\"1\"")
                .json("{\"name\": \"Kvartalsslutt\"}").send();
        ApiResponse deactivated = api().post(tenant.path(path + "/deactivate")).token(tenant.adminKey).send();
        ApiResponse listedActive = tenant.get("/frequencies");
        ApiResponse listedDeactivated = tenant.get("/frequencies?status=deactivated");
        ApiResponse reactivated = api().post(tenant.path(path + "/reactivate")).token(tenant.adminKey).ifMatch("\"3\"").send();
        ApiResponse automatic = api().post(tenant.path(path + "/rename")).token(tenant.accountantKey)
                .json("{\"name\": null}").send();

        // then
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.etag()).isEqualTo("\"1\"");
        assertThat(changed.json().path("name").asText()).isEqualTo("Siste dag i hver 3. måned");
        assertThat(changed.json().path("anchor").asText()).as("anchor kept").isEqualTo("2026-01-02");
        assertProblem(stale, 412, "STALE_VERSION");
        assertThat(renamed.json().path("name").asText()).isEqualTo("Kvartalsslutt");
        assertThat(renamed.json().path("automaticName").asBoolean()).isFalse();
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        assertThat(deactivated.json().path("lastChangedByName").asText()).isEqualTo("Ada Admin");
        assertThat(listedActive.json().path("items").findValuesAsText("frequencyId")).doesNotContain(id);
        assertThat(listedDeactivated.json().path("items").findValuesAsText("frequencyId")).containsExactly(id);
        assertThat(reactivated.json().path("active").asBoolean()).isTrue();
        assertThat(automatic.json().path("name").asText()).isEqualTo("Siste dag i hver 3. måned");
        assertThat(automatic.etag()).isEqualTo("\"5\"");
    }

    @Test
    default void shouldFilterMineAndSortAnyColumn_whenListing() {
        // given two frequencies of the accountant, one of the admin
        TenantFixture tenant = newTenant();
        String friday = create(tenant, EVERY_OTHER_FRIDAY);
        String monthEnd = create(tenant, MONTH_END);
        String daily = api().post(tenant.path("/frequencies")).token(tenant.adminKey)
                .json("{\"pattern\": {\"frequency\": \"DAILY\", \"interval\": 1}}").send().json().path("frequencyId").asText();

        // when
        List<String> byName = ids(tenant.get("/frequencies"));
        List<String> mine = ids(api().get(tenant.path("/frequencies?mine=true&sort=name&direction=desc"))
                .token(tenant.adminKey).send());
        List<String> byNextDate = ids(tenant.get("/frequencies?sort=nextDate"));
        List<String> accountants = ids(tenant.get("/frequencies?mine=true"));

        // then
        assertThat(byName).containsExactly(friday, daily, monthEnd); // "Hver 2. uke ...", "Hver dag", "Month end"
        assertThat(mine).containsExactly(daily);
        assertThat(accountants).containsExactlyInAnyOrder(friday, monthEnd);
        assertThat(byNextDate.get(0)).isEqualTo(daily);
        assertThat(byNextDate.get(2)).as("an ended frequency has no next date and comes last").isEqualTo(monthEnd);
    }

    @Test
    default void shouldExportCsvAndXlsx_whenAskedByFormatOrAccept() throws Exception {
        // given a name a spreadsheet would run as a formula
        TenantFixture tenant = newTenant();
        create(tenant, EVERY_OTHER_FRIDAY);
        create(tenant, "{\"name\": \"=HYPERLINK(\\\"http://x\\\")\", \"pattern\": {\"frequency\": \"DAILY\", \"interval\": 4}}");

        // when
        HttpResponse<byte[]> csv = download(tenant, "/frequencies?format=csv", "application/json");
        HttpResponse<byte[]> csvByAccept = download(tenant, "/frequencies", "text/csv");
        HttpResponse<byte[]> xlsx = download(tenant, "/frequencies",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        ApiResponse unknown = tenant.get("/frequencies?format=pdf");

        // then
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("frequencies.csv");
        assertThat(csv.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("Navn,Repetisjonsmønster,Neste dato,Avslutning,I bruk,Sist endret,Av,Aktiv,Startdato,RRULE\r\n");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\")\"", "Hver 2. uke på fredag", "Oda Accountant");
        assertThat(csvByAccept.body()).isEqualTo(csv.body());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String sheet = sharedStrings(xlsx.body());
        assertThat(sheet).contains("Hver 2. uke p", "Repetisjonsm", "=HYPERLINK(");
        Problems.assertInvalid(unknown, "format", "one-of");
    }

    @Test
    default void shouldPreviewDatesAndName_whenPatternIsTriedWithoutSaving() {
        // given
        TenantFixture tenant = newTenant();
        String body = """
                {"pattern": {"frequency": "MONTHLY", "interval": 1, "dayRule": "DAY_OF_MONTH", "dayOfMonth": 31},
                 "anchor": "2024-01-31", "from": "2024-02-01", "count": 4, "language": "en"}""";

        // when
        ApiResponse preview = tenant.post("/frequencies/preview", body);
        ApiResponse swedish = tenant.post("/frequencies/preview",
                "{\"rrule\": \"FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYDAY=-1FR\", \"anchor\": \"2026-01-01\", \"count\": 2, \"language\": \"sv\"}");

        // then
        assertThat(preview.status()).as("%s", preview).isEqualTo(200);
        assertThat(preview.json().path("name").asText()).isEqualTo("Every month on the 31st");
        assertThat(texts(preview.json().path("dates"))).containsExactly("2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31");
        assertThat(preview.json().path("rrule").asText()).contains("BYMONTHDAY=28,29,30,31;BYSETPOS=-1");
        assertThat(swedish.json().path("name").asText()).isEqualTo("Sista fredagen i december vart 2:a år");
        assertThat(texts(swedish.json().path("dates"))).containsExactly("2026-12-25", "2028-12-29");
        assertThat(tenant.get("/frequencies?status=all").json().path("items").size()).as("nothing saved").isZero();
    }

    @Test
    default void shouldLetReadersListButNotManage_whenUserLacksThePermission() {
        // given an auditor
        TenantFixture tenant = newTenant();
        create(tenant, EVERY_OTHER_FRIDAY);
        String auditor = api().post(tenant.path("/users")).token(tenant.adminKey).json(Bodies.user("Aud Itor", "AUDITOR"))
                .send().json().path("apiKey").asText();

        // when
        ApiResponse list = api().get(tenant.path("/frequencies")).token(auditor).send();
        ApiResponse post = api().post(tenant.path("/frequencies")).token(auditor).json(EVERY_OTHER_FRIDAY).send();

        // then
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").size()).isEqualTo(1);
        assertProblem(post, 403, "FORBIDDEN");
    }

    @Test
    default void shouldKeepTheCatalogueOpen_whenInvoicingIsDeactivated() {
        // given
        TenantFixture tenant = newTenant();
        tenant.expect(200, api().post(tenant.path("/invoicing/deactivate")).token(tenant.adminKey).send());

        // when
        ApiResponse created = tenant.post("/frequencies", EVERY_OTHER_FRIDAY);

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    private static List<String> ids(ApiResponse list) {
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        return list.json().path("items").findValuesAsText("frequencyId");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private HttpResponse<byte[]> download(TenantFixture tenant, String suffix, String accept)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(api().base().resolve(tenant.path(suffix)))
                .header("Authorization", "Bearer " + tenant.accountantKey).header("Accept", accept).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String sharedStrings(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("frequencies", ".xlsx");
        try {
            Files.write(file, xlsx);
            StringBuilder sb = new StringBuilder();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                assertThat(zip.getEntry("xl/worksheets/sheet1.xml")).isNotNull();
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    sb.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return sb.toString();
        } finally {
            Files.delete(file);
        }
    }
}
