package io.invoiceflow.app.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.app.distribution.Mails;
import io.invoiceflow.streams.testing.GreenMailServer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import static io.invoiceflow.app.distribution.DistributionViews.awaitDistribution;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's own SMTP account end to end (S4-S6), with GreenMail on loopback as that account's server: it
 * authenticates the account's user, while the installation's system sender is the local mail sink, so whatever
 * GreenMail receives went through the tenant's account. Ends with the secret canary: the account's password must
 * appear in no event, no record of {@code invoicing.events}, no log line and no API response.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantSenderAccountIT {
    private static final String OPERATOR = "ifa_sender-account-it-operator-0123456789";
    private static final String USER = "faktura@fjordkraft.example";
    /** The marker password: GreenMail's password for {@link #USER}. */
    private static final String CANARY = "CANARY-5d1f0b-Pw!";
    private static final String SWEDISH_CUSTOMER = "20002";

    /** No system sender (it stays the local mail sink): GreenMail is the tenant's own server. */
    @RegisterExtension
    static final LoopbackApp<GreenMailServer> app = LoopbackApp.with(OPERATOR, () -> new GreenMailServer(USER, CANARY),
            mail -> Map.of("INVOICEFLOW_SMTP_ALLOW_PRIVATE_HOSTS", "true"));

    private EventTopic topic;

    @BeforeAll
    void start() {
        topic = new EventTopic(app.invoiceflow().bootstrapServers());
    }

    @AfterAll
    void stop() {
        if (topic != null) {
            topic.close();
        }
    }

    private String account(String password) {
        return Bodies.API_JSON.createObjectNode().put("accountName", "Faktura-mail").put("displayName", "Fakturaavdelingen")
                .put("fromAddress", USER).put("user", USER).put("password", password).put("host", "127.0.0.1")
                .put("port", app.mail().smtpPort()).put("encryption", "NONE").toString();
    }

    private ApiResponse setAccount(TenantFixture tenant, String body) {
        return tenant.expect(200, app.api().put(tenant.path("/settings/sender-account")).token(tenant.adminKey).json(body).send());
    }

    @Test
    void shouldEmailTheInvoiceThroughTheTenantsAccount_withItsLayoutAndItsSwedishText() throws Exception {
        // given a tenant with the modern layout, a Swedish text and its own account, and a Swedish customer
        TenantFixture tenant = TenantFixture.create(app.api(), OPERATOR);
        tenant.expect(201, tenant.post("/customers", Bodies.edit(Bodies.customer(SWEDISH_CUSTOMER), c -> {
            c.put("name", "Göteborgs Bageri AB").put("invoiceLanguage", "sv").remove("organisationNumber");
            c.putArray("contacts").addObject().put("name", "Lars Andersson").put("email", "lars@goteborg.example");
        })));
        tenant.expect(200, tenant.put("/settings/layouts", SettingsBodies.LAYOUTS, null));
        tenant.expect(201, app.api().put(tenant.path("/settings/email-templates/invoice/sv")).token(tenant.adminKey)
                .json(SettingsBodies.EMAIL_TEMPLATE).send());
        setAccount(tenant, account(CANARY));

        // when an invoice to the Swedish customer is finalized
        String invoiceId = tenant.expect(201, tenant.post("/invoices", Bodies.edit(Bodies.INVOICE_DRAFT,
                d -> d.put("customerNumber", SWEDISH_CUSTOMER)))).json().path("invoiceId").asText();
        tenant.expect(200, tenant.postEmpty("/invoices/" + invoiceId + "/finalize"));

        // then it went out through the tenant's account, with its text, layout and sender recorded
        JsonNode attempt = awaitDistribution(tenant, invoiceId, 0, "SENT").path("attempts").get(0);
        assertThat(attempt.path("emailTemplate").asText()).isEqualTo("tenant:sv");
        assertThat(attempt.path("layout").asText()).isEqualTo("modern");
        assertThat(attempt.path("sender").asText()).isEqualTo("Faktura-mail");
        MimeMessage email = Mails.awaitOnlyMessage(app.mail(), "lars@goteborg.example");
        assertThat(email.getSubject()).isEqualTo("Faktura INV-1001 från Fjordkraft Regnskap AS");
        InternetAddress from = (InternetAddress) email.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(USER);
        assertThat(from.getPersonal()).isEqualTo("Fakturaavdelingen");
        assertThat(email.getHeader("Return-Path", null)).as("no VERP through a tenant's server").isEqualTo("<" + USER + ">");
        assertThat(new String(Mails.onlyPart(email, "text/plain"), StandardCharsets.UTF_8)).startsWith("Hej Göteborgs Bageri AB!");
        // and the PDF is the modern layout (sans-serif), the very file the API serves
        byte[] pdf = Mails.onlyPart(email, "application/pdf");
        assertThat(pdf).isEqualTo(app.api().getBytes(tenant.path("/invoices/" + invoiceId + "/pdf"), tenant.accountantKey));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("INV-1001").contains("Göteborgs Bageri AB");
            List<String> fonts = new ArrayList<>();
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name).getName());
            }
            assertThat(fonts).anySatisfy(f -> assertThat(f).contains("DejaVuSans"))
                    .noneSatisfy(f -> assertThat(f).contains("Serif"));
        }
        // and the system sender sent nothing
        assertThat(app.api().get("/api/v1/dev/mailbox").token(OPERATOR).send().json().path("items")).isEmpty();
    }

    @Test
    void shouldAnswerTheServersReply_whenATestEmailIsSentWithTheRightAndAWrongPassword() throws Exception {
        // given
        TenantFixture tenant = TenantFixture.create(app.api(), OPERATOR);
        String test = tenant.path("/settings/sender-account/test");
        setAccount(tenant, account(CANARY));

        // when
        ApiResponse accepted = app.api().post(test).token(tenant.adminKey).json("{\"to\": \"kari@fjordkraft.example\"}").send();
        setAccount(tenant, account("not-the-password"));
        ApiResponse refused = app.api().post(test).token(tenant.adminKey).json("{\"to\": \"kari@fjordkraft.example\"}").send();

        // then the server took the first and refused the login of the second
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().path("success").asBoolean()).isTrue();
        assertThat(accepted.json().path("replyCode").asInt()).isEqualTo(250);
        assertThat(Mails.awaitOnlyMessage(app.mail(), "kari@fjordkraft.example").getSubject()).isEqualTo("Invoiceflow test email");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().path("success").asBoolean()).isFalse();
        assertThat(refused.json().path("error").asText()).isEqualTo("SMTP_AUTH_FAILED");
        assertThat(refused.body()).doesNotContain("not-the-password");
    }

    @Test
    void shouldNeverRevealThePassword_inEventsTopicLogLinesOrResponses() throws Exception {
        try (LogCapture logs = LogCapture.everythingAtDebug()) {
            // given a tenant whose own account has the marker password
            TenantFixture tenant = TenantFixture.create(app.api(), OPERATOR);
            List<ApiResponse> responses = new ArrayList<>();
            responses.add(setAccount(tenant, account(CANARY)));
            // when an invoice is distributed through it, a test email is sent, and the account is changed and read
            String invoiceId = tenant.finalizedInvoice();
            JsonNode distribution = awaitDistribution(tenant, invoiceId, 0, "SENT");
            assertThat(distribution.path("attempts").get(0).path("sender").asText()).isEqualTo("Faktura-mail");
            responses.add(app.api().post(tenant.path("/settings/sender-account/test")).token(tenant.adminKey)
                    .json("{\"to\": \"kari@bryggen.example\"}").send());
            responses.add(setAccount(tenant, Bodies.edit(account(CANARY), b -> b.remove("password"))));
            for (String read : List.of("/settings/sender-account", "/settings/payment", "/settings/layouts",
                    "/settings/templates", "/settings/email-templates", "/settings/history", "/history",
                    "/audit?limit=500", "/invoices/" + invoiceId + "/distribution", "/invoices/" + invoiceId + "/history",
                    "/invoices/" + invoiceId, "")) {
                ApiResponse response = tenant.get(read);
                assertThat(response.status()).as("%s", response).isEqualTo(200);
                responses.add(response);
            }
            responses.add(app.api().get("/api/v1/tenants/" + tenant.id + "/settings/sender-account").token(OPERATOR).send());
            // (the server did get the password: the login worked)
            assertThat(responses.get(1).json().path("success").asBoolean()).as("%s", responses.get(1)).isTrue();
            awaitEveryEventOnTheTopic(tenant);

            // then the marker is nowhere: not in the database in clear (events, settings tables), not on the topic,
            // not in a log line, not in a response
            List<String> database = databaseTexts();
            assertThat(database).as("rows of the write side's database").isNotEmpty();
            List<String> records = new ArrayList<>();
            for (EventTopic.EventRecord r : topic.all()) {
                records.add(r.key() + " " + r.headers() + " " + r.valueText());
            }
            assertThat(records).anySatisfy(r -> assertThat(r).contains("SenderAccountSet"));
            List<String> answers = responses.stream().map(r -> r.headers().map() + " " + r.body()).toList();
            for (String form : forms()) {
                assertThat(database).noneSatisfy(row -> assertThat(row).contains(form));
                assertThat(records).noneSatisfy(record -> assertThat(record).contains(form));
                assertThat(answers).noneSatisfy(answer -> assertThat(answer).contains(form));
            }
            assertThat(logs.lines()).as("log lines captured").isGreaterThan(100);
            assertThat(logs.hits()).as("log lines with the password").isEmpty();
        }
    }

    /** The password in clear and as AUTH PLAIN / AUTH LOGIN send it (base64). */
    private static List<String> forms() {
        Base64.Encoder b64 = Base64.getEncoder();
        return List.of(CANARY, b64.encodeToString(CANARY.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0" + USER + "\0" + CANARY).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString((USER + "\0" + USER + "\0" + CANARY).getBytes(StandardCharsets.UTF_8)));
    }

    /** Every row of every table of the app's H2 database, as text (binary columns decoded as UTF-8). */
    private List<String> databaseTexts() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + app.dataDir().resolve("eventstore") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("DOMAIN_EVENT_ENTRY", "SENDER_SECRET", "DISTRIBUTION_SETTINGS");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select * from " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            if (value instanceof java.sql.Blob blob) {
                                value = blob.getBytes(1, (int) blob.length());
                            }
                            row.append(' ').append(value instanceof byte[] bytes
                                    ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    private void awaitEveryEventOnTheTopic(TenantFixture tenant) {
        topic.awaitRequest(tenant.marker().requestId());
    }

    /**
     * Every Logback logger at DEBUG (the console stays at INFO) and Jakarta Mail's JUL loggers at their most verbose,
     * each line checked for the password as it is written: lines are counted, only those with the password kept.
     */
    private static final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
        private static final String MAIL_SERVER = "com.icegreen.greenmail";
        private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        private final Map<Logger, Level> levels = new LinkedHashMap<>();
        private final AtomicLong lines = new AtomicLong();
        private final List<String> hits = new CopyOnWriteArrayList<>();
        private final List<java.util.logging.Logger> julLoggers = List.of(
                java.util.logging.Logger.getLogger("org.eclipse.angus"), java.util.logging.Logger.getLogger("jakarta.mail"));
        private final Handler julHandler = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                check(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        private ThresholdFilter consoleFilter;

        static LogCapture everythingAtDebug() {
            LogCapture capture = new LogCapture();
            capture.setContext(capture.context);
            capture.start();
            Logger root = capture.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            capture.consoleFilter = new ThresholdFilter();
            capture.consoleFilter.setLevel("INFO");
            capture.consoleFilter.start();
            root.iteratorForAppenders().forEachRemaining(a -> a.addFilter(capture.consoleFilter));
            for (Logger logger : capture.context.getLoggerList()) {
                if (logger.getLevel() != null) {
                    capture.levels.put(logger, logger.getLevel());
                    logger.setLevel(Level.DEBUG);
                }
            }
            root.addAppender(capture);
            for (java.util.logging.Logger l : capture.julLoggers) {
                l.setLevel(java.util.logging.Level.ALL);
                l.addHandler(capture.julHandler);
            }
            return capture;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLoggerName().startsWith(MAIL_SERVER)) {
                return; // the tenant's mail server (GreenMail here) must receive the password; it is not Invoiceflow
            }
            check(event.getLoggerName() + " " + event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy())) + event.getMDCPropertyMap());
        }

        private void check(String line) {
            lines.incrementAndGet();
            for (String form : forms()) {
                if (line.contains(form)) {
                    hits.add(line);
                    return;
                }
            }
        }

        long lines() {
            return lines.get();
        }

        List<String> hits() {
            return List.copyOf(hits);
        }

        @Override
        public void close() {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAppender(this);
            levels.forEach(Logger::setLevel);
            for (java.util.Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                Appender<ILoggingEvent> appender = it.next();
                appender.clearAllFilters();
            }
            for (java.util.logging.Logger l : julLoggers) {
                l.removeHandler(julHandler);
                l.setLevel(null);
            }
            stop();
        }
    }
}
