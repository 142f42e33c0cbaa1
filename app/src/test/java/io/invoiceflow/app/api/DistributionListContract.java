package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.invoiceflow.app.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The distribution list (P1-P3) through the API: entries, search, CSV import and export, history. */
interface DistributionListContract extends ApiTestContext {
    String LIST = "/distribution-list";
    byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static String email(String address) {
        return "{\"email\": \"" + address + "\"}";
    }

    /** Sets an entry as the accountant (no If-Match). */
    static ApiResponse put(TenantFixture tenant, String number, String address) {
        return tenant.put(LIST + "/" + number, email(address), null);
    }

    /** POST .../distribution-list/import{query} with the file as text/csv, as the accountant. */
    static ApiResponse importFile(TenantFixture tenant, String query, byte[] file) {
        return tenant.api.post(tenant.path(LIST + "/import" + query)).token(tenant.accountantKey)
                .bytes("text/csv", file).send();
    }

    static ApiResponse importFile(TenantFixture tenant, String query, String file) {
        return importFile(tenant, query, file.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] withBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The whole list as "number=email" lines, read page by page with the given page size. */
    static List<String> entries(TenantFixture tenant, String query, int pageSize) {
        List<String> entries = new ArrayList<>();
        String after = null;
        do {
            ApiResponse page = tenant.get(LIST + "?limit=" + pageSize + (query == null ? "" : "&q=" + query)
                    + (after == null ? "" : "&after=" + after));
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().path("items").forEach(e -> entries.add(e.path("customerNumber").asText() + "="
                    + e.path("email").asText()));
            after = page.json().path("next").isNull() ? null : page.json().path("next").asText();
        } while (after != null);
        return entries;
    }

    /** Counts of a report as "rows/added/changed/unchanged/rejected/removed". */
    static String counts(ApiResponse report) {
        assertThat(report.status()).as("%s", report).isEqualTo(200);
        JsonNode r = report.json();
        return r.path("rows").asInt() + "/" + r.path("added").asInt() + "/" + r.path("changed").asInt() + "/"
                + r.path("unchanged").asInt() + "/" + r.path("rejected").asInt() + "/" + r.path("removed").asInt();
    }

    private HttpResponse<byte[]> export(TenantFixture tenant) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(api().base().resolve(tenant.path(LIST + "/export")))
                .header("Authorization", "Bearer " + tenant.accountantKey).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    // ---- entries (P1, P2)

    @Test
    default void shouldAddReadChangeRemoveAndAddAgain_whenEntryIsPutAndDeleted() {
        // given
        TenantFixture tenant = newTenant();
        String path = LIST + "/" + TenantFixture.CUSTOMER;
        String aggregate = tenant.id + "/distribution/" + TenantFixture.CUSTOMER;

        // when
        ApiResponse added = put(tenant, TenantFixture.CUSTOMER, "post@bryggen.example");
        ApiResponse read = tenant.get(path);
        ApiResponse same = tenant.put(path, email("post@bryggen.example"), "\"0\"");
        ApiResponse changed = tenant.put(path, email("Faktura@Bryggen.example"), "\"0\"");
        ApiResponse stale = tenant.put(path, email("late@bryggen.example"), "\"0\"");
        ApiResponse removed = api().delete(tenant.path(path)).token(tenant.accountantKey).ifMatch("\"1\"").send();
        ApiResponse gone = tenant.get(path);
        ApiResponse removedAgain = api().delete(tenant.path(path)).token(tenant.accountantKey).send();
        ApiResponse staleAdd = tenant.put(path, email("post@bryggen.example"), "\"2\"");
        ApiResponse addedAgain = put(tenant, TenantFixture.CUSTOMER, "post@bryggen.example");

        // then
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        assertThat(added.location()).isEqualTo(tenant.path(path));
        assertThat(added.etag()).isEqualTo("\"0\"");
        assertThat(added.header("Invoiceflow-Version")).contains(aggregate + ":0");
        assertThat(added.json()).isEqualTo(Bodies.parse(
                "{\"customerNumber\": \"10001\", \"email\": \"post@bryggen.example\", \"version\": 0}"));
        assertThat(read.json()).isEqualTo(added.json());
        assertThat(read.etag()).isEqualTo("\"0\"");
        assertThat(same.status()).as("the same address records nothing").isEqualTo(200);
        assertThat(same.etag()).isEqualTo("\"0\"");
        assertThat(same.header("Invoiceflow-Version")).contains(aggregate + ":0");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.etag()).isEqualTo("\"1\"");
        assertThat(changed.json().path("email").asText()).isEqualTo("Faktura@Bryggen.example");
        assertThat(changed.header("Invoiceflow-Version")).contains(aggregate + ":1");
        assertProblem(stale, 412, "STALE_VERSION");
        assertThat(removed.status()).as("%s", removed).isEqualTo(204);
        assertThat(removed.header("Invoiceflow-Version")).contains(aggregate + ":2");
        assertProblem(gone, 404, "NOT_FOUND");
        assertProblem(removedAgain, 404, "NOT_FOUND");
        assertProblem(staleAdd, 412, "STALE_VERSION");
        assertThat(addedAgain.status()).isEqualTo(201);
        assertThat(addedAgain.etag()).isEqualTo("\"3\"");
        assertThat(topic().awaitAggregate(aggregate, 4)).extracting(EventTopic.EventRecord::type).containsExactly(
                "io.invoiceflow.distributionlist.DistributionEntrySet.v1",
                "io.invoiceflow.distributionlist.DistributionEntrySet.v1",
                "io.invoiceflow.distributionlist.DistributionEntryRemoved.v1",
                "io.invoiceflow.distributionlist.DistributionEntrySet.v1");
    }

    @Test
    default void shouldListWhoChangedTheAddress_whenTheHistoryIsRead() {
        // given
        TenantFixture tenant = newTenant();
        put(tenant, "10001", "post@bryggen.example");
        ApiResponse changed = api().put(tenant.path(LIST + "/10001")).token(tenant.adminKey)
                .json(email("faktura@bryggen.example")).send();
        api().delete(tenant.path(LIST + "/10001")).token(tenant.adminKey).send();

        // when
        ApiResponse history = tenant.get(LIST + "/10001/history");
        ApiResponse none = tenant.get(LIST + "/99999/history");

        // then
        assertThat(history.status()).as("%s", history).isEqualTo(200);
        assertThat(history.json()).extracting(e -> e.path("event").asText() + " by " + e.path("actor").asText())
                .containsExactly("DistributionEntrySet by " + tenant.accountantUserId,
                        "DistributionEntrySet by " + tenant.adminUserId, "DistributionEntryRemoved by " + tenant.adminUserId);
        JsonNode change = history.json().get(1).path("changes");
        assertThat(change).hasSize(1);
        assertThat(change.get(0).path("path").asText()).isEqualTo("email");
        assertThat(change.get(0).path("before").asText()).isEqualTo("post@bryggen.example");
        assertThat(change.get(0).path("after").asText()).isEqualTo("faktura@bryggen.example");
        assertThat(history.json().get(1).path("requestId").asText()).isEqualTo(changed.requestId());
        assertProblem(none, 404, "NOT_FOUND");
    }

    @Test
    default void shouldShareOneAddressAndAcceptUnknownNumbers_whenSeveralNumbersUseIt() {
        // given numbers of which only 10001 is a registered customer
        TenantFixture tenant = newTenant();

        // when
        List<Integer> statuses = new ArrayList<>();
        for (String number : List.of("10001", "ERP-20001", "ERP-20002")) {
            statuses.add(put(tenant, number, "faktura@konsern.example").status());
        }

        // then
        assertThat(statuses).containsExactly(201, 201, 201);
        assertThat(entries(tenant, "konsern", 100)).containsExactly("10001=faktura@konsern.example",
                "ERP-20001=faktura@konsern.example", "ERP-20002=faktura@konsern.example");
    }

    @Test
    default void shouldFindByPartOfEmailOrNumberIgnoringCase_whenTheListIsSearched() {
        // given
        TenantFixture tenant = newTenant();
        put(tenant, "K-100", "Kari.Nordmann@Bryggen.example");
        put(tenant, "k_200", "ola@fisk.example");
        put(tenant, "K2000", "post@bryggen.example");

        // when / then
        assertThat(entries(tenant, "BRYGGEN", 100)).containsExactly("K-100=Kari.Nordmann@Bryggen.example",
                "K2000=post@bryggen.example");
        assertThat(entries(tenant, "k-1", 100)).containsExactly("K-100=Kari.Nordmann@Bryggen.example");
        assertThat(entries(tenant, "k_2", 100)).as("_ matches itself").containsExactly("k_200=ola@fisk.example");
        assertThat(entries(tenant, "nobody", 100)).isEmpty();
        assertThat(entries(tenant, "%20", 100)).as("a blank q lists everything").hasSize(3);
    }

    @Test
    default void shouldPageWithoutGapsOrRepeats_whenEntriesAreAddedBetweenPages() {
        // given
        TenantFixture tenant = newTenant();
        for (String number : List.of("20", "30", "40", "50", "60")) {
            put(tenant, number, "n" + number + "@liste.example");
        }

        // when
        JsonNode first = tenant.get(LIST + "?limit=2").json();
        put(tenant, "10", "early@liste.example");
        put(tenant, "35", "between@liste.example");
        JsonNode second = tenant.get(LIST + "?limit=2&after=" + first.path("next").asText()).json();
        JsonNode third = tenant.get(LIST + "?limit=2&after=" + second.path("next").asText()).json();

        // then
        assertThat(first.path("items").findValuesAsText("customerNumber")).containsExactly("20", "30");
        assertThat(first.path("limit").asInt()).isEqualTo(2);
        assertThat(second.path("items").findValuesAsText("customerNumber")).containsExactly("35", "40");
        assertThat(third.path("items").findValuesAsText("customerNumber")).containsExactly("50", "60");
        assertThat(third.path("next").isNull()).as("the last page").isTrue();
        assertThat(entries(tenant, null, 3)).hasSize(7);
    }

    @Test
    default void shouldLetReadersListAndExportButNotManage_whenUserLacksThePermission() {
        // given
        TenantFixture tenant = newTenant();
        put(tenant, "10001", "post@bryggen.example");
        String auditor = api().post(tenant.path("/users")).token(tenant.adminKey).json(Bodies.user("Aud Itor", "AUDITOR"))
                .send().json().path("apiKey").asText();
        String sales = api().post(tenant.path("/users")).token(tenant.adminKey).json(Bodies.user("Sal Es", "SALES"))
                .send().json().path("apiKey").asText();

        // when
        ApiResponse list = api().get(tenant.path(LIST)).token(auditor).send();
        ApiResponse export = api().get(tenant.path(LIST + "/export")).token(auditor).send();
        ApiResponse auditorPut = api().put(tenant.path(LIST + "/10001")).token(auditor).json(email("a@b.example")).send();
        ApiResponse salesPut = api().put(tenant.path(LIST + "/10001")).token(sales).json(email("a@b.example")).send();
        ApiResponse auditorDelete = api().delete(tenant.path(LIST + "/10001")).token(auditor).send();
        ApiResponse auditorImport = api().post(tenant.path(LIST + "/import?validateOnly=true")).token(auditor)
                .body("text/csv", "customer_number,email\n1,a@b.example\n").send();

        // then
        assertThat(list.status()).isEqualTo(200);
        assertThat(export.status()).isEqualTo(200);
        assertProblem(auditorPut, 403, "FORBIDDEN");
        assertProblem(salesPut, 403, "FORBIDDEN");
        assertProblem(auditorDelete, 403, "FORBIDDEN");
        assertProblem(auditorImport, 403, "FORBIDDEN");
        assertThat(tenant.get(LIST + "/10001").json().path("email").asText()).isEqualTo("post@bryggen.example");
    }

    @Test
    default void shouldKeepTheListOpen_whenInvoicingIsDeactivated() {
        // given
        TenantFixture tenant = newTenant();
        tenant.expect(200, api().post(tenant.path("/invoicing/deactivate")).token(tenant.adminKey).send());

        // when
        ApiResponse added = put(tenant, "10001", "post@bryggen.example");
        ApiResponse imported = importFile(tenant, "", "customer_number,email\n10002,a@b.example\n");

        // then
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        assertThat(counts(imported)).isEqualTo("1/1/0/0/0/0");
    }

    @Test
    default void shouldReachTheEntryNamedExport_throughTheList() {
        // given: GET .../distribution-list/export is the export, yet "export" is a valid customer number
        TenantFixture tenant = newTenant();

        // when
        ApiResponse added = put(tenant, "export", "x@y.example");
        ApiResponse exported = tenant.get(LIST + "/export");

        // then
        assertThat(added.status()).isEqualTo(201);
        assertThat(exported.contentType()).startsWith("text/csv");
        assertThat(entries(tenant, "export", 10)).containsExactly("export=x@y.example");
    }

    // ---- import and export (P3)

    @Test
    default void shouldAddChangeAndKeep_whenACommaSeparatedFileIsImported() {
        // given
        TenantFixture tenant = newTenant();
        put(tenant, "10001", "post@bryggen.example");
        put(tenant, "10002", "ola@fisk.example");

        // when
        ApiResponse report = importFile(tenant, "", """
                customer_number,email
                10001,post@bryggen.example
                10002,faktura@fisk.example
                20001,ny@kunde.example
                """);

        // then
        assertThat(counts(report)).isEqualTo("3/1/1/1/0/0");
        assertThat(report.json().path("validateOnly").asBoolean()).isFalse();
        assertThat(report.json().path("mode").asText()).isEqualTo("merge");
        assertThat(report.json().path("rejections")).isEmpty();
        assertThat(report.header("Invoiceflow-Version")).hasValueSatisfying(v -> assertThat(v)
                .contains(tenant.id + "/distribution/10002:1", tenant.id + "/distribution/20001:0")
                .doesNotContain("/distribution/10001:"));
        assertThat(entries(tenant, null, 100)).containsExactly("10001=post@bryggen.example",
                "10002=faktura@fisk.example", "20001=ny@kunde.example");
        awaitEveryEventStoredSoFar(tenant);
        assertThat(topic().ofRequest(report.requestId())).extracting(r -> r.key()).containsExactlyInAnyOrder(
                tenant.id + "/distribution/10002", tenant.id + "/distribution/20001");
    }

    @Test
    default void shouldReadSemicolonsBomCrlfAndQuotes_whenTheFileComesFromANordicExcel() {
        // given
        TenantFixture tenant = newTenant();
        byte[] file = withBom("customer_number;email\r\n\"10001\";\"kari,nordmann@bryggen.example\"\r\n"
                + "AS-2;\"åse@fjøsnes.example\"\r\n\r\n10003 ; post@tre.example \r\n");

        // when
        ApiResponse report = importFile(tenant, "", file);

        // then
        assertThat(counts(report)).isEqualTo("3/3/0/0/0/0");
        assertThat(entries(tenant, null, 100)).containsExactly("10001=kari,nordmann@bryggen.example",
                "10003=post@tre.example", "AS-2=åse@fjøsnes.example");
    }

    @Test
    default void shouldApplyTheValidRowsAndReportEachRejectedOneWithItsLine_whenSomeRowsAreBad() {
        // given
        TenantFixture tenant = newTenant();
        String file = """
                customer_number,email
                10001,post@bryggen.example
                K 2,a@b.example
                10003,not-an-address
                20001,one@x.example
                10005
                10006,a@b.example,extra
                20001,other@x.example
                ,c@d.example
                "10009","multi
                line@x.example"
                10010,ok@x.example
                """;

        // when
        ApiResponse report = importFile(tenant, "", file);

        // then
        assertThat(counts(report)).isEqualTo("10/2/0/0/8/0");
        assertThat(report.json().path("rejections")).extracting(r -> r.path("line").asInt() + " " + problems(r))
                .containsExactly("3 [customer_number format]", "4 [email email]", "5 [customer_number duplicate]",
                        "6 [row columns]", "7 [row columns]", "8 [customer_number duplicate]",
                        "9 [customer_number required]", "10 [email email]");
        JsonNode first = report.json().path("rejections").get(0);
        assertThat(first.path("customerNumber").asText()).isEqualTo("K 2");
        assertThat(first.path("email").asText()).isEqualTo("a@b.example");
        assertThat(report.json().path("rejections").get(2).path("problems").get(0).path("message").asText())
                .contains("lines 5, 8");
        assertThat(entries(tenant, null, 100)).containsExactly("10001=post@bryggen.example", "10010=ok@x.example");
    }

    @Test
    default void shouldChangeNothingAndAnswerWhatTheImportWouldDo_whenValidatingOnly() {
        // given a list, and a file that adds, changes, keeps, rejects and (replacing) removes
        TenantFixture tenant = newTenant();
        put(tenant, "10001", "post@bryggen.example");
        put(tenant, "10002", "ola@fisk.example");
        put(tenant, "10003", "gone@tre.example");
        String file = "customer_number,email\n10001,post@bryggen.example\n10002,faktura@fisk.example\n"
                + "20001,ny@kunde.example\nbad number,x@y.example\n";
        List<String> before = entries(tenant, null, 100);
        String historyBefore = tenant.get(LIST + "/10002/history").body();

        // when
        ApiResponse validated = importFile(tenant, "?validateOnly=true&mode=replace", file);

        // then nothing changed: the list, the entry's history, the topic
        JsonNode expected = validated.json().deepCopy();
        assertThat(counts(validated)).isEqualTo("4/1/1/1/1/1");
        assertThat(validated.json().path("validateOnly").asBoolean()).isTrue();
        assertThat(validated.json().path("removedCustomerNumbers").get(0).asText()).isEqualTo("10003");
        assertThat(validated.header("Invoiceflow-Version")).isEmpty();
        assertThat(entries(tenant, null, 100)).isEqualTo(before);
        assertThat(tenant.get(LIST + "/10002/history").body()).isEqualTo(historyBefore);
        assertNoEventFrom(tenant, List.of(validated.requestId()));

        // and the real import then does exactly what was announced
        ApiResponse imported = importFile(tenant, "?mode=replace", file);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("validateOnly", false);
        assertThat(imported.json()).isEqualTo(expected);
        assertThat(entries(tenant, null, 100)).containsExactly("10001=post@bryggen.example",
                "10002=faktura@fisk.example", "20001=ny@kunde.example");
    }

    @Test
    default void shouldChangeNothing_whenTheSameFileIsImportedAgain() {
        // given
        TenantFixture tenant = newTenant();
        String file = "customer_number;email\n10001;post@bryggen.example\n10002;post@bryggen.example\n10003;c@d.example\n";
        ApiResponse first = importFile(tenant, "", file);

        // when
        ApiResponse again = importFile(tenant, "", file);
        ApiResponse replacing = importFile(tenant, "?mode=replace", file);

        // then
        assertThat(counts(first)).isEqualTo("3/3/0/0/0/0");
        assertThat(counts(again)).isEqualTo("3/0/0/3/0/0");
        assertThat(counts(replacing)).isEqualTo("3/0/0/3/0/0");
        assertThat(again.header("Invoiceflow-Version")).isEmpty();
        assertNoEventFrom(tenant, List.of(again.requestId(), replacing.requestId()));
    }

    @Test
    default void shouldRemoveWhatTheFileLeavesOut_whenTheFileReplacesTheList() {
        // given the list of the help page: export, delete a row in the spreadsheet, import again
        TenantFixture tenant = newTenant();
        importFile(tenant, "", "customer_number,email\n10001,a@x.example\n10002,b@x.example\n10003,c@x.example\n");

        // when
        ApiResponse merged = importFile(tenant, "", "customer_number,email\n10001,a@x.example\n10003,c@x.example\n");
        List<String> afterMerge = entries(tenant, null, 100);
        ApiResponse replaced = importFile(tenant, "?mode=replace", "customer_number,email\n10001,a@x.example\n10003,c@x.example\n");

        // then
        assertThat(counts(merged)).isEqualTo("2/0/0/2/0/0");
        assertThat(afterMerge).hasSize(3);
        assertThat(counts(replaced)).isEqualTo("2/0/0/2/0/1");
        assertThat(replaced.json().path("removedCustomerNumbers").get(0).asText()).isEqualTo("10002");
        assertThat(entries(tenant, null, 100)).containsExactly("10001=a@x.example", "10003=c@x.example");
        awaitEveryEventStoredSoFar(tenant);
        assertThat(topic().ofRequest(replaced.requestId())).extracting(EventTopic.EventRecord::type)
                .containsExactly("io.invoiceflow.distributionlist.DistributionEntryRemoved.v1");
    }

    @Test
    default void shouldReadTheExportBackUnchanged_whenTheExportIsImported() throws Exception {
        // given values a spreadsheet would misread: a separator in an address, formula triggers, Nordic letters
        TenantFixture tenant = newTenant();
        ApiResponse imported = importFile(tenant, "", withBom("""
                customer_number;email
                -5;"=cmd@x.example"
                10001;"kari,nordmann@bryggen.example"
                A-3;"+åse@øy.example"
                _7;"@@nope"
                """));

        // when
        HttpResponse<byte[]> export = export(tenant);
        ApiResponse reimported = importFile(tenant, "?mode=replace", export.body());

        // then
        assertThat(counts(imported)).isEqualTo("4/3/0/0/1/0");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("distribution-list.csv");
        assertThat(export.body()).startsWith(BOM);
        String text = new String(export.body(), 3, export.body().length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("customer_number,email\r\n'-5,'=cmd@x.example\r\n"
                + "10001,\"kari,nordmann@bryggen.example\"\r\nA-3,'+åse@øy.example\r\n");
        assertThat(counts(reimported)).isEqualTo("3/0/0/3/0/0");
        assertThat(entries(tenant, null, 100)).containsExactly("-5==cmd@x.example",
                "10001=kari,nordmann@bryggen.example", "A-3=+åse@øy.example");
    }

    @Test
    default void shouldAnswer404_whenTheOperatorImportsIntoATenantThatDoesNotExist() {
        // given
        String nowhere = "/api/v1/tenants/" + java.util.UUID.randomUUID() + LIST + "/import";

        // when
        ApiResponse response = api().post(nowhere).token(ADMIN_TOKEN).body("text/csv", "customer_number,email\n1,a@b.example\n")
                .send();

        // then
        assertProblem(response, 404, "NOT_FOUND");
    }

    /** A rejection's problems as "field rule" texts. */
    private static List<String> problems(JsonNode rejection) {
        List<String> problems = new ArrayList<>();
        rejection.path("problems").forEach(p -> {
            assertThat(p.path("message").asText()).isNotBlank();
            problems.add(p.path("field").asText() + " " + p.path("rule").asText());
        });
        return problems;
    }
}
