package io.invoiceflow.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.commands.settings.TenantDistributionSettings;
import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SampleDocuments;
import io.invoiceflow.documents.pdf.Layout;
import io.invoiceflow.documents.pdf.PdfRenderer;
import io.invoiceflow.documents.pdf.Template;
import io.invoiceflow.events.customer.RegisterCustomer;
import io.invoiceflow.events.settings.ChangeDefaultLayouts;
import io.invoiceflow.events.settings.ChangePaymentSettings;
import io.invoiceflow.events.settings.DefaultLayouts;
import io.invoiceflow.events.settings.DocumentType;
import io.invoiceflow.events.settings.KidAlgorithm;
import io.invoiceflow.events.settings.KidScheme;
import io.invoiceflow.events.settings.PaymentSettings;
import io.invoiceflow.events.settings.SaveDocumentTemplate;
import io.invoiceflow.events.settings.SaveEmailTemplate;
import io.invoiceflow.events.settings.SenderAccount;
import io.invoiceflow.events.settings.SetCustomerLayout;
import io.invoiceflow.events.settings.SetSenderAccount;
import io.invoiceflow.events.settings.SmtpEncryption;
import io.invoiceflow.events.settings.TemplateName;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.CreateTenant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What the distribution settings add to each email (docs/benchmarks/distribution-settings.md): the workers' one-query
 * read of a tenant's settings ({@code TenantDistributionSettings.forSending}) for a customer with a rule naming a
 * custom template with a logo, and for one without, against rendering the standard invoice in the same run (the
 * cost it is added to). The tenant has 2,000 customer rules, three email texts and an own SMTP account. Database:
 * {@code h2} (file, as embedded) or {@code postgres} ({@code INVOICEFLOW_BENCH_DATABASE_URL}, a throw-away schema).
 * Run: {@code java -cp bench/target/invoiceflow-bench.jar org.openjdk.jmh.Main DistributionSettingsBenchmark}
 * (add {@code -p database=postgres} with the URL set).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class DistributionSettingsBenchmark {
    static final int RULES = 2_000;
    private static final CustomerNumber WITH_RULE = new CustomerNumber("10001");
    private static final CustomerNumber WITHOUT_RULE = new CustomerNumber("99999");
    private static final String XSLT = """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                            xmlns:fo="http://www.w3.org/1999/XSL/Format">
              <xsl:template match="/document">
                <fo:root font-family="DejaVu Sans"><fo:layout-master-set>
                  <fo:simple-page-master master-name="a4" page-height="297mm" page-width="210mm" margin="20mm">
                    <fo:region-body/></fo:simple-page-master></fo:layout-master-set>
                  <fo:page-sequence master-reference="a4"><fo:flow flow-name="xsl-region-body">
                    <fo:block><xsl:value-of select="title"/> <xsl:value-of select="number"/></fo:block>
                  </fo:flow></fo:page-sequence></fo:root>
              </xsl:template>
            </xsl:stylesheet>
            """;

    @Param({"h2"})
    public String database;

    private HikariDataSource dataSource;
    private Postgres postgres;
    private String schema;
    private Path h2Dir;
    private WriteSide writeSide;
    private TenantDistributionSettings settings;
    private TenantId tenant;
    private PdfRenderer renderer;
    private Document invoice;
    private final Instant createdAt = Instant.parse("2026-11-30T08:00:00Z");

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (database.equals("postgres")) {
            String url = System.getenv("INVOICEFLOW_BENCH_DATABASE_URL");
            if (url == null) {
                throw new IllegalStateException("set INVOICEFLOW_BENCH_DATABASE_URL to a jdbc:postgresql: URL");
            }
            postgres = new Postgres(url);
            schema = postgres.createSchema();
            dataSource = postgres.pool(schema, "bench-settings", 4, true);
        } else {
            h2Dir = Files.createTempDirectory("bench-settings");
            HikariConfig hikari = new HikariConfig();
            hikari.setMaximumPoolSize(4);
            hikari.setJdbcUrl("jdbc:h2:file:" + h2Dir.resolve("eventstore") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            dataSource = new HikariDataSource(hikari);
        }
        writeSide = WriteSide.start(dataSource, WriteSideSettings.defaults("bench"), Clock.systemUTC(), null);
        settings = writeSide.distributionSettings();
        tenant = TenantId.random();
        send(new CreateTenant(tenant, SampleData.tenantProfile(0)));
        send(new SaveDocumentTemplate(tenant, new TemplateName("house"), null, XSLT, png(), "#0B3D91", null,
                "Fjordlys Konsult AS", "Merk betalingen med KID.", null));
        send(new ChangePaymentSettings(tenant, new PaymentSettings("faktura@fjordlys.no", "+47 22 33 44 55", "Økonomi",
                "86011117947", "NO9386011117947", "DNBANOKK", new KidScheme(KidAlgorithm.MOD10, 0, 9)), null));
        send(new ChangeDefaultLayouts(tenant, new DefaultLayouts("modern", "classic", "compact"), null));
        for (String language : new String[] {"nb", "sv", "en"}) {
            send(new SaveEmailTemplate(tenant, DocumentType.INVOICE, language, "Kunder " + language,
                    "Faktura {Number} fra {Supplier.Name}", "Hei {Customer.Name}!\n\nForfall {DueDate}.", null));
        }
        send(new SetSenderAccount(tenant, new SenderAccount("Faktura-mail", "Fakturaavdelingen", "faktura@fjordlys.no",
                "faktura@fjordlys.no", "smtp.fjordlys.no", 587, SmtpEncryption.STARTTLS),
                "if1:00000000:" + "A".repeat(40), null));
        for (int i = 0; i < RULES; i++) {
            CustomerNumber number = i == 0 ? WITH_RULE : new CustomerNumber("C" + i);
            send(new RegisterCustomer(tenant, number, SampleData.customerDetails()));
            send(new SetCustomerLayout(tenant, number, i % 2 == 0 ? "custom:house" : "compact", null));
        }
        renderer = PdfRenderer.create(Clock.systemUTC());
        invoice = SampleDocuments.of(DocumentKind.INVOICE, Language.NB);
    }

    private void send(Object command) {
        writeSide.send(command, new CommandContext("bench", UUID.randomUUID().toString(), tenant.value()));
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(600, 180, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        writeSide.close();
        dataSource.close();
        if (postgres != null) {
            postgres.dropSchema(schema);
        }
        if (h2Dir != null) {
            WorkDir.deleteTree(h2Dir);
        }
    }

    /** A customer whose rule names the custom template (built once, then cached by its definition). */
    @Benchmark
    public TenantDistributionSettings.ForSending forSendingWithCustomerRule() {
        return settings.forSending(tenant, WITH_RULE, DocumentKind.INVOICE);
    }

    /** A customer without a rule: the default layout. */
    @Benchmark
    public TenantDistributionSettings.ForSending forSendingDefault() {
        return settings.forSending(tenant, WITHOUT_RULE, DocumentKind.INVOICE);
    }

    /** The cost the read is added to: the standard invoice rendered to PDF/A-3b. */
    @Benchmark
    public byte[] renderStandardInvoice() {
        return renderer.render(invoice, Template.standard(Layout.MODERN), createdAt);
    }
}
