package io.invoiceflow.web;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.customer.ChangeCustomer;
import io.invoiceflow.events.customer.CustomerCommand;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.customer.RegisterCustomer;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.DistributionTrigger;
import io.invoiceflow.events.distribution.RequestDistribution;
import io.invoiceflow.events.distributionlist.DistributionListCommand;
import io.invoiceflow.events.distributionlist.RemoveDistributionEntry;
import io.invoiceflow.events.distributionlist.SetDistributionEntry;
import io.invoiceflow.events.frequency.ChangeFrequencyPattern;
import io.invoiceflow.events.frequency.CreateFrequency;
import io.invoiceflow.events.frequency.DeactivateFrequency;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.frequency.ReactivateFrequency;
import io.invoiceflow.events.frequency.RenameFrequency;
import io.invoiceflow.events.invoice.ChangeInvoiceDraft;
import io.invoiceflow.events.invoice.CloneInvoice;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.CreditInvoice;
import io.invoiceflow.events.invoice.DeleteInvoiceDraft;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.invoice.InvoiceDraft;
import io.invoiceflow.events.invoice.MarkInvoicePaid;
import io.invoiceflow.events.invoice.VoidInvoice;
import io.invoiceflow.events.order.ChangeOrder;
import io.invoiceflow.events.order.CreateOrder;
import io.invoiceflow.events.order.InvoiceOrder;
import io.invoiceflow.events.order.OrderDraft;
import io.invoiceflow.events.product.AddProduct;
import io.invoiceflow.events.product.ChangeProduct;
import io.invoiceflow.events.product.ProductCommand;
import io.invoiceflow.events.product.ProductDetails;
import io.invoiceflow.events.recurring.AddSubscriber;
import io.invoiceflow.events.recurring.ChangeSubscriberEnd;
import io.invoiceflow.events.recurring.CreateSubscription;
import io.invoiceflow.events.recurring.MakeInvoiceRecurring;
import io.invoiceflow.events.recurring.PauseRecurring;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.recurring.RemoveSubscriber;
import io.invoiceflow.events.recurring.ResumeRecurring;
import io.invoiceflow.events.recurring.StopRecurring;
import io.invoiceflow.events.recurring.SubscriberInput;
import io.invoiceflow.events.settings.ChangeDefaultLayouts;
import io.invoiceflow.events.settings.ChangePaymentSettings;
import io.invoiceflow.events.settings.DefaultLayouts;
import io.invoiceflow.events.settings.DistributionSettingsCommand;
import io.invoiceflow.events.settings.DocumentType;
import io.invoiceflow.events.settings.PaymentSettings;
import io.invoiceflow.events.settings.RemoveCustomerLayout;
import io.invoiceflow.events.settings.RemoveDocumentTemplate;
import io.invoiceflow.events.settings.RemoveEmailTemplate;
import io.invoiceflow.events.settings.RemoveSenderAccount;
import io.invoiceflow.events.settings.SaveEmailTemplate;
import io.invoiceflow.events.settings.SetCustomerLayout;
import io.invoiceflow.events.settings.TemplateName;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.UserId;
import io.invoiceflow.events.tenant.ActivateInvoicing;
import io.invoiceflow.events.tenant.CreateTenant;
import io.invoiceflow.events.tenant.CreateUser;
import io.invoiceflow.events.tenant.DeactivateInvoicing;
import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.web.api.ApiKeys;
import io.invoiceflow.web.api.Authenticator;
import io.invoiceflow.web.api.Caller;
import io.invoiceflow.web.api.CommandDispatcher;
import io.invoiceflow.web.api.DistributionImports;
import io.invoiceflow.web.api.DistributionList;
import io.invoiceflow.web.api.Documents;
import io.invoiceflow.web.api.Frequencies;
import io.invoiceflow.web.api.FrequencyListing;
import io.invoiceflow.web.api.Operations;
import io.invoiceflow.web.api.Permission;
import io.invoiceflow.web.api.Queries;
import io.invoiceflow.web.api.RawJson;
import io.invoiceflow.web.api.ReadModel;
import io.invoiceflow.web.api.Requests;
import io.invoiceflow.web.api.Settings;
import io.invoiceflow.web.api.Versioned;
import io.invoiceflow.web.http.CsvBodies;
import io.invoiceflow.web.http.Exports;
import io.invoiceflow.web.http.Json;
import io.invoiceflow.web.http.ProblemMapping;
import io.invoiceflow.web.http.ReadForwarding;
import io.invoiceflow.web.http.RequestBodies;
import io.invoiceflow.web.http.RequestIds;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API: every route in one place. A handler parses, checks the caller, dispatches one
 * command or query and maps the result (201 + Location on create, ETag / If-Match for optimistic
 * concurrency). No business rules live here.
 */
public final class WebApp {
    public static final String API = "/api/v1";
    private static final String TENANT = API + "/tenants/{tenantId}";
    private static final String CALLER = "invoiceflow.caller";
    private static final String STARTED = "invoiceflow.started";
    private static final String ROUTE = "invoiceflow.route";
    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");
    private static final int MAX_PAGE = 500;
    private static final RawJson EMPTY_LIST = new RawJson("[]".getBytes(StandardCharsets.UTF_8));
    private static final Duration MORNING_RUN_WAIT = Duration.ofSeconds(30);
    /** The largest distribution list file an import takes (rows and changes are limited in the app). */
    public static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;
    /** An import names what it wrote in {@value #VERSION_HEADER} only up to this many entries (header size). */
    public static final int MAX_IMPORT_VERSIONS = 50;
    /** On a command's response: {@code aggregateId:version} of what it wrote (comma-separated when several). */
    public static final String VERSION_HEADER = "Invoiceflow-Version";

    /** What the API needs from the rest of the system. */
    public record Dependencies(Authenticator authenticator, CommandDispatcher commands, Queries queries,
                               ReadModel readModel, Documents documents, Frequencies frequencies, Settings settings,
                               DistributionList distributionList, Operations operations, Development development) {
    }

    /** A registered route: for the OpenAPI completeness test. */
    public record Route(String method, String path) {
    }

    private final Dependencies deps;
    private final ReadForwarding forwarding = new ReadForwarding();
    private final List<Route> routes = new ArrayList<>();
    private final String openApi;

    private WebApp(Dependencies deps) {
        this.deps = deps;
        this.openApi = resource("/openapi.json");
    }

    /** An unstarted Javalin with every route. */
    public static Javalin create(Dependencies deps) {
        WebApp app = new WebApp(deps);
        return Javalin.create(app::configure);
    }

    /** The routes {@link #create} registers. */
    public static List<Route> routes() {
        WebApp app = new WebApp(new Dependencies(null, null, null, null, null, null, null, null, null, Development.OFF));
        Javalin.create(app::configure);
        return List.copyOf(app.routes);
    }

    private void configure(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.http.maxRequestSize = RequestBodies.MAX_BYTES;
        Json.install(cfg);
        RequestIds.install(cfg);
        ProblemMapping.install(cfg);
        cfg.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        cfg.routes.before(API + "/*", this::authenticate);
        cfg.routes.after(ctx -> {
            Long started = ctx.attribute(STARTED);
            String template = ctx.attribute(ROUTE);
            if (deps.operations() != null && started != null) {
                deps.operations().recordRequest(ctx.method().name(), template == null ? "unmatched" : template,
                        ctx.statusCode(), System.nanoTime() - started);
            }
        });

        // The most frequent request first: Javalin tries a method's routes in the order they were added, one
        // regular expression each, and stops at the first match (RouteOrderTest: no route hides a later one).
        readRoute(cfg, TENANT + "/invoices/{invoiceId}", (ctx, tenant) ->
                ok(ctx, deps.readModel().view(tenant, "invoice", invoiceId(ctx).value()), "invoice"));

        // operations
        route(cfg, HandlerType.GET, "/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        route(cfg, HandlerType.GET, "/health/ready", ctx -> {
            Map<String, Object> readiness = deps.operations().readiness();
            ctx.status(deps.operations().ready(readiness) ? 200 : 503).json(readiness);
        });
        route(cfg, HandlerType.GET, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(deps.operations().scrape()));
        route(cfg, HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));

        // tenants and users
        route(cfg, HandlerType.POST, API + "/tenants", ctx -> {
            Caller caller = caller(ctx);
            if (!caller.isAdmin()) {
                throw new DomainException(ErrorCode.FORBIDDEN, "only the operator (admin token) can create tenants");
            }
            TenantProfile profile = RequestBodies.read(ctx, TenantProfile.class);
            TenantId tenantId = TenantId.random();
            send(ctx, new CreateTenant(tenantId, profile));
            created(ctx, API + "/tenants/" + tenantId, tenantId.value(), deps.queries().tenant(tenantId));
        });
        tenantRoute(cfg, HandlerType.GET, TENANT, Permission.READ, (ctx, tenant) ->
                ok(ctx, deps.queries().tenant(tenant), "tenant"));
        tenantRoute(cfg, HandlerType.POST, TENANT + "/invoicing/deactivate", Permission.ADMINISTER_TENANT, (ctx, tenant) -> {
            Requests.Reason body = optionalBody(ctx, Requests.Reason.class, new Requests.Reason(null));
            send(ctx, new DeactivateInvoicing(tenant, body.reason()));
            written(ctx, tenant.value(), deps.queries().tenant(tenant), "tenant");
        });
        tenantRoute(cfg, HandlerType.POST, TENANT + "/invoicing/activate", Permission.ADMINISTER_TENANT, (ctx, tenant) -> {
            noBody(ctx);
            send(ctx, new ActivateInvoicing(tenant));
            written(ctx, tenant.value(), deps.queries().tenant(tenant), "tenant");
        });
        tenantRoute(cfg, HandlerType.POST, TENANT + "/users", Permission.ADMINISTER_TENANT, (ctx, tenant) -> {
            Requests.NewUser body = RequestBodies.read(ctx, Requests.NewUser.class);
            ApiKeys.NewKey key = ApiKeys.generate();
            UserId userId = UserId.random();
            send(ctx, new CreateUser(tenant, userId, body.name(), body.email(), body.roles(), key.prefix(), key.hash()));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("userId", userId.value());
            result.put("tenantId", tenant.value());
            result.put("name", body.name());
            result.put("email", body.email());
            result.put("roles", body.roles());
            result.put("apiKey", key.key());
            result.put("apiKeyPrefix", key.prefix());
            ctx.header("Cache-Control", "no-store");
            alsoWritten(ctx, tenant.value(), deps.queries().tenant(tenant));
            // no Location: users have no resource of their own; GET the tenant to list them
            ctx.status(HttpStatus.CREATED).json(result);
        });

        // customers
        tenantRoute(cfg, HandlerType.POST, TENANT + "/customers", Permission.MANAGE_CUSTOMERS, (ctx, tenant) -> {
            Requests.NewCustomer body = RequestBodies.read(ctx, Requests.NewCustomer.class);
            if (body.customerNumber() == null) {
                throw DomainException.invalid("customerNumber", "required", "customerNumber is required");
            }
            send(ctx, new RegisterCustomer(tenant, body.customerNumber(), new CustomerDetails(body.name(),
                    body.organisationNumber(), body.invoiceLanguage(), body.email(), body.billingAddress(),
                    body.contacts())));
            created(ctx, path(tenant, "customers", body.customerNumber().value()),
                    CustomerCommand.aggregateId(tenant, body.customerNumber()),
                    deps.queries().customer(tenant, body.customerNumber()));
        });
        tenantRoute(cfg, HandlerType.GET, TENANT + "/customers", Permission.READ, (ctx, tenant) -> {
            int limit = limit(ctx);
            List<Object> page = deps.queries().customers(tenant, ctx.queryParam("after"), limit);
            ctx.json(Map.of("items", page, "limit", limit));
        });
        tenantRoute(cfg, HandlerType.GET, TENANT + "/customers/{customerNumber}", Permission.READ, (ctx, tenant) ->
                ok(ctx, deps.queries().customer(tenant, pathId(ctx, "customerNumber", CustomerNumber::new)), "customer"));
        tenantRoute(cfg, HandlerType.PUT, TENANT + "/customers/{customerNumber}", Permission.MANAGE_CUSTOMERS, (ctx, tenant) -> {
            CustomerNumber number = pathId(ctx, "customerNumber", CustomerNumber::new);
            CustomerDetails details = RequestBodies.read(ctx, CustomerDetails.class);
            send(ctx, new ChangeCustomer(tenant, number, details, ifMatch(ctx)));
            written(ctx, CustomerCommand.aggregateId(tenant, number), deps.queries().customer(tenant, number), "customer");
        });

        // products
        tenantRoute(cfg, HandlerType.POST, TENANT + "/products", Permission.MANAGE_PRODUCTS, (ctx, tenant) -> {
            Requests.NewProduct body = RequestBodies.read(ctx, Requests.NewProduct.class);
            if (body.productCode() == null) {
                throw DomainException.invalid("productCode", "required", "productCode is required");
            }
            send(ctx, new AddProduct(tenant, body.productCode(),
                    new ProductDetails(body.name(), body.unit(), body.unitPrice(), body.vatRate())));
            created(ctx, path(tenant, "products", body.productCode().value()),
                    ProductCommand.aggregateId(tenant, body.productCode()),
                    deps.queries().product(tenant, body.productCode()));
        });
        tenantRoute(cfg, HandlerType.GET, TENANT + "/products", Permission.READ, (ctx, tenant) ->
                ctx.json(Map.of("items", deps.queries().products(tenant))));
        tenantRoute(cfg, HandlerType.GET, TENANT + "/products/{productCode}", Permission.READ, (ctx, tenant) ->
                ok(ctx, deps.queries().product(tenant, pathId(ctx, "productCode", ProductCode::new)), "product"));
        tenantRoute(cfg, HandlerType.PUT, TENANT + "/products/{productCode}", Permission.MANAGE_PRODUCTS, (ctx, tenant) -> {
            ProductCode code = pathId(ctx, "productCode", ProductCode::new);
            send(ctx, new ChangeProduct(tenant, code, RequestBodies.read(ctx, ProductDetails.class), ifMatch(ctx)));
            written(ctx, ProductCommand.aggregateId(tenant, code), deps.queries().product(tenant, code), "product");
        });

        // orders
        tenantRoute(cfg, HandlerType.POST, TENANT + "/orders", Permission.MANAGE_ORDERS, (ctx, tenant) -> {
            OrderDraft draft = RequestBodies.read(ctx, OrderDraft.class);
            OrderId orderId = OrderId.random();
            send(ctx, new CreateOrder(orderId, tenant, draft));
            created(ctx, path(tenant, "orders", orderId.value()), orderId.value(), deps.queries().asWritten().order(tenant, orderId));
        });
        readRoute(cfg, TENANT + "/orders/{orderId}", (ctx, tenant) ->
                ok(ctx, deps.readModel().view(tenant, "order", pathId(ctx, "orderId", OrderId::new).value()), "order"));
        readRoute(cfg, TENANT + "/orders/{orderId}/history", (ctx, tenant) ->
                history(ctx, tenant, "order", pathId(ctx, "orderId", OrderId::new).value(), "order"));
        tenantRoute(cfg, HandlerType.PUT, TENANT + "/orders/{orderId}", Permission.MANAGE_ORDERS, (ctx, tenant) -> {
            OrderId orderId = pathId(ctx, "orderId", OrderId::new);
            send(ctx, new ChangeOrder(orderId, tenant, RequestBodies.read(ctx, OrderDraft.class), ifMatch(ctx)));
            written(ctx, orderId.value(), deps.queries().asWritten().order(tenant, orderId), "order");
        });
        tenantRoute(cfg, HandlerType.POST, TENANT + "/orders/{orderId}/send", Permission.MANAGE_ORDERS, this::sendOrder);
        readRoute(cfg, TENANT + "/orders/{orderId}/distribution", (ctx, tenant) ->
                raw(ctx, deps.readModel().orderDistributionLog(tenant, pathId(ctx, "orderId", OrderId::new).value())
                        .orElseThrow(() -> DomainException.notFound("order"))));
        tenantRoute(cfg, HandlerType.POST, TENANT + "/orders/{orderId}/invoice", Permission.INVOICE, (ctx, tenant) -> {
            OrderId orderId = pathId(ctx, "orderId", OrderId::new);
            Requests.InvoiceOrder body = optionalBody(ctx, Requests.InvoiceOrder.class, new Requests.InvoiceOrder(null));
            InvoiceId invoiceId = InvoiceId.random();
            send(ctx, new InvoiceOrder(orderId, tenant, invoiceId, body.paymentTerms(), ifMatch(ctx)));
            alsoWritten(ctx, orderId.value(), deps.queries().asWritten().order(tenant, orderId));
            created(ctx, path(tenant, "invoices", invoiceId.value()), invoiceId.value(),
                    deps.queries().asWritten().invoice(tenant, invoiceId));
        });

        // invoices
        tenantRoute(cfg, HandlerType.POST, TENANT + "/invoices", Permission.INVOICE, (ctx, tenant) -> {
            InvoiceDraft draft = RequestBodies.read(ctx, InvoiceDraft.class);
            InvoiceId invoiceId = InvoiceId.random();
            send(ctx, new CreateInvoice(invoiceId, tenant, draft));
            created(ctx, path(tenant, "invoices", invoiceId.value()), invoiceId.value(),
                    deps.queries().asWritten().invoice(tenant, invoiceId));
        });
        readRoute(cfg, TENANT + "/invoices", (ctx, tenant) -> {
            if (wantsCsv(ctx)) {
                ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"invoices.csv\"");
                // the whole list: streamed, never built as one string
                deps.readModel().invoiceCsv(tenant, ctx.queryParam("filter"), ctx.queryParam("sort"),
                        ctx.queryParam("separator"), ctx.outputStream());
            } else {
                raw(ctx, deps.readModel().invoiceList(tenant, ctx.queryParam("filter"), ctx.queryParam("sort"),
                        ctx.queryParam("limit"), ctx.queryParam("cursor")));
            }
        });
        readRoute(cfg, TENANT + "/dashboard", (ctx, tenant) -> raw(ctx, deps.readModel().dashboard(tenant,
                ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("granularity"), ctx.queryParam("top"))));
        readRoute(cfg, TENANT + "/invoices/{invoiceId}/history", (ctx, tenant) ->
                history(ctx, tenant, "invoice", invoiceId(ctx).value(), "invoice"));
        readRoute(cfg, TENANT + "/invoices/{invoiceId}/distribution", (ctx, tenant) ->
                raw(ctx, deps.readModel().distributionLog(tenant, invoiceId(ctx).value())
                        .orElseThrow(() -> DomainException.notFound("invoice"))));
        readRoute(cfg, TENANT + "/distribution/attention", (ctx, tenant) -> raw(ctx, deps.readModel().attention(tenant)));
        tenantRoute(cfg, HandlerType.GET, TENANT + "/invoices/{invoiceId}/pdf", Permission.READ, (ctx, tenant) ->
                pdf(ctx, deps.documents().invoicePdf(tenant, invoiceId(ctx)).orElseThrow(() -> DomainException.notFound("invoice"))));
        tenantRoute(cfg, HandlerType.GET, TENANT + "/orders/{orderId}/pdf", Permission.READ, (ctx, tenant) ->
                pdf(ctx, deps.documents().orderPdf(tenant, pathId(ctx, "orderId", OrderId::new), ctx.queryParam("layout"))
                        .orElseThrow(() -> DomainException.notFound("order"))));
        tenantRoute(cfg, HandlerType.GET, TENANT + "/credit-notes/{creditNoteId}/pdf", Permission.READ, (ctx, tenant) ->
                pdf(ctx, deps.documents().creditNotePdf(tenant, pathId(ctx, "creditNoteId", CreditNoteId::new))
                        .orElseThrow(() -> DomainException.notFound("credit note"))));
        tenantRoute(cfg, HandlerType.GET, TENANT + "/invoices/{invoiceId}/link", Permission.READ, (ctx, tenant) ->
                ctx.json(Map.of("url", deps.documents().invoiceLink(tenant, invoiceId(ctx)).orElseThrow(
                        () -> DomainException.notFound("final invoice")))));

        // the browser view behind an emailed link (H11): no credentials, the token is the authority
        route(cfg, HandlerType.GET, "/view/{token}", ctx -> {
            Documents.Page page = deps.documents().invoicePage(ctx.pathParam("token"))
                    .orElseThrow(() -> DomainException.notFound("invoice"));
            ctx.header("Content-Security-Policy", page.contentSecurityPolicy()).header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer").contentType("text/html; charset=utf-8").result(page.html());
        });

        // the local mail sink of the embedded default (operator only; gone when an SMTP host is set)
        route(cfg, HandlerType.GET, API + "/dev/mailbox", ctx -> {
            requireOperator(ctx, "reads the local mailbox");
            ctx.json(Map.of("items", deps.documents().mailbox(limit(ctx)).orElseThrow(() ->
                    DomainException.notFound("mailbox (an SMTP host is configured)"))));
        });
        route(cfg, HandlerType.GET, API + "/dev/mailbox/{id}", ctx -> {
            requireOperator(ctx, "reads the local mailbox");
            ctx.contentType("message/rfc822").result(deps.documents().mailboxMessage(ctx.pathParam("id"))
                    .orElseThrow(() -> DomainException.notFound("message")));
        });
        // the development installation's clock and morning run (operator only; not found in production)
        route(cfg, HandlerType.GET, API + "/dev/clock", ctx -> {
            Development development = development(ctx, "reads the clock");
            ctx.json(Map.of("now", development.now().toString()));
        });
        route(cfg, HandlerType.PUT, API + "/dev/clock", ctx -> {
            Development development = development(ctx, "moves the clock");
            Instant target = RequestBodies.read(ctx, Requests.ClockMove.class).now();
            if (target == null) {
                throw DomainException.invalid("now", "required",
                        "now is required (an instant such as 2026-12-01T06:15:00+01:00)");
            }
            ctx.json(Map.of("now", development.moveClockTo(target).toString()));
        });
        route(cfg, HandlerType.POST, TENANT + "/dev/morning-run", ctx -> {
            Development development = development(ctx, "runs the scheduler");
            TenantId tenant = new TenantId(ctx.pathParam("tenantId"));
            Requests.MorningRunDate body = RequestBodies.read(ctx, Requests.MorningRunDate.class);
            if (body.date() == null) {
                throw DomainException.invalid("date", "required", "date is required (the occurrence date to run)");
            }
            ctx.json(development.runMorning(tenant, body.date(), MORNING_RUN_WAIT));
        });
        tenantRoute(cfg, HandlerType.POST, TENANT + "/invoices/{invoiceId}/send", Permission.INVOICE, (ctx, tenant) ->
                requestDistribution(ctx, tenant, DistributionTrigger.SEND));
        tenantRoute(cfg, HandlerType.POST, TENANT + "/invoices/{invoiceId}/resend", Permission.INVOICE, (ctx, tenant) ->
                requestDistribution(ctx, tenant, DistributionTrigger.RESEND));
        tenantRoute(cfg, HandlerType.PUT, TENANT + "/invoices/{invoiceId}", Permission.INVOICE, (ctx, tenant) -> {
            InvoiceId invoiceId = invoiceId(ctx);
            send(ctx, new ChangeInvoiceDraft(invoiceId, tenant, RequestBodies.read(ctx, InvoiceDraft.class), ifMatch(ctx)));
            written(ctx, invoiceId.value(), deps.queries().asWritten().invoice(tenant, invoiceId), "invoice");
        });
        tenantRoute(cfg, HandlerType.DELETE, TENANT + "/invoices/{invoiceId}", Permission.INVOICE, (ctx, tenant) -> {
            InvoiceId invoiceId = invoiceId(ctx);
            send(ctx, new DeleteInvoiceDraft(invoiceId, tenant, ifMatch(ctx)));
            deps.queries().lastVersion(invoiceId.value())
                    .ifPresent(version -> ctx.header(VERSION_HEADER, invoiceId.value() + ":" + version));
            ctx.status(HttpStatus.NO_CONTENT);
        });
        invoiceAction(cfg, "finalize", (ctx, tenant, invoiceId) -> {
            noBody(ctx);
            send(ctx, new FinalizeInvoice(invoiceId, tenant, ifMatch(ctx)));
        });
        invoiceAction(cfg, "pay", (ctx, tenant, invoiceId) -> {
            Requests.Payment body = optionalBody(ctx, Requests.Payment.class, new Requests.Payment(null));
            send(ctx, new MarkInvoicePaid(invoiceId, tenant, body.paymentDate(), ifMatch(ctx)));
        });
        invoiceAction(cfg, "void", (ctx, tenant, invoiceId) -> {
            Requests.Reason body = optionalBody(ctx, Requests.Reason.class, new Requests.Reason(null));
            send(ctx, new VoidInvoice(invoiceId, tenant, body.reason(), ifMatch(ctx)));
        });
        tenantRoute(cfg, HandlerType.POST, TENANT + "/invoices/{invoiceId}/credit", Permission.INVOICE, (ctx, tenant) -> {
            Requests.Credit body = optionalBody(ctx, Requests.Credit.class, new Requests.Credit(null, null));
            CreditNoteId creditNoteId = CreditNoteId.random();
            InvoiceId invoiceId = invoiceId(ctx);
            send(ctx, new CreditInvoice(invoiceId, tenant, creditNoteId, body.lineNos(), body.reason(), ifMatch(ctx)));
            alsoWritten(ctx, invoiceId.value(), deps.queries().asWritten().invoice(tenant, invoiceId));
            created(ctx, path(tenant, "credit-notes", creditNoteId.value()), creditNoteId.value(),
                    deps.queries().asWritten().creditNote(tenant, creditNoteId));
        });
        tenantRoute(cfg, HandlerType.POST, TENANT + "/invoices/{invoiceId}/clone", Permission.INVOICE, (ctx, tenant) -> {
            noBody(ctx);
            InvoiceId cloneId = InvoiceId.random();
            send(ctx, new CloneInvoice(invoiceId(ctx), tenant, cloneId));
            created(ctx, path(tenant, "invoices", cloneId.value()), cloneId.value(),
                    deps.queries().asWritten().invoice(tenant, cloneId));
        });
        // recurring invoices (R1-R7) and subscriptions (Q6): invoicing commands, refused while S1 is off
        tenantRoute(cfg, HandlerType.POST, TENANT + "/invoices/{invoiceId}/recurring", Permission.INVOICE, (ctx, tenant) -> {
            InvoiceId invoiceId = invoiceId(ctx);
            Requests.MakeRecurring body = RequestBodies.read(ctx, Requests.MakeRecurring.class);
            RecurringId id = RecurringId.random();
            send(ctx, new MakeInvoiceRecurring(id, tenant, invoiceId, body.name(), body.schedule()));
            created(ctx, path(tenant, "recurring", id.value()), id.value(), deps.queries().asWritten().recurring(tenant, id));
        });
        tenantRoute(cfg, HandlerType.POST, TENANT + "/subscriptions", Permission.INVOICE, (ctx, tenant) -> {
            Requests.NewSubscription body = RequestBodies.read(ctx, Requests.NewSubscription.class);
            RecurringId id = RecurringId.random();
            send(ctx, new CreateSubscription(id, tenant, body.name(), body.lines(), body.paymentTerms(), body.poNumber(),
                    body.comments(), body.language(), body.schedule(), body.subscribers()));
            created(ctx, path(tenant, "recurring", id.value()), id.value(), deps.queries().asWritten().recurring(tenant, id));
        });
        readRoute(cfg, TENANT + "/recurring", (ctx, tenant) -> raw(ctx, deps.readModel().recurringList(tenant,
                ctx.queryParam("status"), ctx.queryParam("kind"), ctx.queryParam("limit"), ctx.queryParam("cursor"))));
        readRoute(cfg, TENANT + "/recurring/{recurringId}", (ctx, tenant) -> ok(ctx, deps.readModel().recurring(tenant,
                recurringId(ctx).value(), ctx.queryParam("next")), "recurring invoice"));
        readRoute(cfg, TENANT + "/recurring/{recurringId}/invoices", (ctx, tenant) -> raw(ctx, deps.readModel()
                .recurringInvoices(tenant, recurringId(ctx).value(), ctx.queryParam("limit"), ctx.queryParam("cursor"))
                .orElseThrow(() -> DomainException.notFound("recurring invoice"))));
        readRoute(cfg, TENANT + "/recurring/{recurringId}/history", (ctx, tenant) ->
                history(ctx, tenant, "recurring", recurringId(ctx).value(), "recurring invoice"));
        recurringAction(cfg, HandlerType.POST, "/pause", (ctx, tenant, id) -> {
            noBody(ctx);
            send(ctx, new PauseRecurring(id, tenant, ifMatch(ctx)));
        });
        recurringAction(cfg, HandlerType.POST, "/resume", (ctx, tenant, id) -> {
            noBody(ctx);
            send(ctx, new ResumeRecurring(id, tenant, ifMatch(ctx)));
        });
        recurringAction(cfg, HandlerType.POST, "/stop", (ctx, tenant, id) -> {
            noBody(ctx);
            send(ctx, new StopRecurring(id, tenant, ifMatch(ctx)));
        });
        recurringAction(cfg, HandlerType.POST, "/subscribers", (ctx, tenant, id) -> {
            Long expected = ifMatch(ctx);
            send(ctx, new AddSubscriber(id, tenant, RequestBodies.read(ctx, SubscriberInput.class), expected));
        });
        recurringAction(cfg, HandlerType.PUT, "/subscribers/{customerNumber}", (ctx, tenant, id) -> {
            CustomerNumber customer = pathId(ctx, "customerNumber", CustomerNumber::new);
            Long expected = ifMatch(ctx);
            Requests.SubscriberEnd body = RequestBodies.read(ctx, Requests.SubscriberEnd.class);
            send(ctx, new ChangeSubscriberEnd(id, tenant, customer, body.endDate(), expected));
        });
        recurringAction(cfg, HandlerType.DELETE, "/subscribers/{customerNumber}", (ctx, tenant, id) ->
                send(ctx, new RemoveSubscriber(id, tenant, pathId(ctx, "customerNumber", CustomerNumber::new),
                        ifMatch(ctx))));
        readRoute(cfg, TENANT + "/credit-notes/{creditNoteId}", (ctx, tenant) ->
                ok(ctx, deps.readModel().view(tenant, "creditnote",
                        pathId(ctx, "creditNoteId", CreditNoteId::new).value()), "credit note"));
        readRoute(cfg, TENANT + "/credit-notes/{creditNoteId}/history", (ctx, tenant) ->
                history(ctx, tenant, "creditnote", pathId(ctx, "creditNoteId", CreditNoteId::new).value(),
                        "credit note"));

        // history and audit of the other aggregates (C1)
        readRoute(cfg, TENANT + "/history", (ctx, tenant) -> history(ctx, tenant, "tenant", tenant.value(), "tenant"));
        readRoute(cfg, TENANT + "/customers/{customerNumber}/history", (ctx, tenant) -> history(ctx, tenant,
                "customer", CustomerCommand.aggregateId(tenant, pathId(ctx, "customerNumber", CustomerNumber::new)),
                "customer"));
        readRoute(cfg, TENANT + "/products/{productCode}/history", (ctx, tenant) -> history(ctx, tenant,
                "product", ProductCommand.aggregateId(tenant, pathId(ctx, "productCode", ProductCode::new)),
                "product"));
        readRoute(cfg, TENANT + "/audit", (ctx, tenant) -> {
            Instant from = instantParam(ctx, "from");
            Instant to = instantParam(ctx, "to");
            if (from != null && to != null && !from.isBefore(to)) {
                throw DomainException.invalid("to", "after-from", "to must be after from");
            }
            raw(ctx, deps.readModel().audit(tenant, new ReadModel.AuditQuery(blankToNull(ctx.queryParam("actor")),
                    blankToNull(ctx.queryParam("event")), from, to, limit(ctx), blankToNull(ctx.queryParam("cursor")))));
        });
        // the frequency catalogue (Q1-Q5): settings, so not blocked by the S1 invoicing switch
        tenantRoute(cfg, HandlerType.GET, TENANT + "/frequencies", Permission.READ, this::listFrequencies);
        tenantRoute(cfg, HandlerType.POST, TENANT + "/frequencies", Permission.MANAGE_FREQUENCIES, (ctx, tenant) -> {
            Requests.NewFrequency body = RequestBodies.read(ctx, Requests.NewFrequency.class);
            FrequencyDefinition schedule = deps.frequencies().schedule(tenant, body.pattern(), body.anchor(), body.end(),
                    body.rrule());
            FrequencyId id = FrequencyId.random();
            send(ctx, new CreateFrequency(id, tenant, body.name(), schedule));
            created(ctx, path(tenant, "frequencies", id.value()), id.value(), deps.frequencies().frequency(tenant, id));
        });
        tenantRoute(cfg, HandlerType.POST, TENANT + "/frequencies/preview", Permission.READ, (ctx, tenant) ->
                ctx.json(deps.frequencies().preview(tenant, RequestBodies.read(ctx, Requests.FrequencyPreview.class))));
        tenantRoute(cfg, HandlerType.GET, TENANT + "/frequencies/{frequencyId}", Permission.READ, (ctx, tenant) ->
                ok(ctx, deps.frequencies().frequency(tenant, frequencyId(ctx)), "frequency"));
        tenantRoute(cfg, HandlerType.PUT, TENANT + "/frequencies/{frequencyId}", Permission.MANAGE_FREQUENCIES, (ctx, tenant) -> {
            FrequencyId id = frequencyId(ctx);
            Long expected = ifMatch(ctx);
            Requests.FrequencySchedule body = RequestBodies.read(ctx, Requests.FrequencySchedule.class);
            FrequencyDefinition schedule = deps.frequencies().schedule(tenant, body.pattern(), body.anchor(), body.end(),
                    body.rrule());
            send(ctx, new ChangeFrequencyPattern(id, tenant, schedule, expected));
            written(ctx, id.value(), deps.frequencies().frequency(tenant, id), "frequency");
        });
        tenantRoute(cfg, HandlerType.POST, TENANT + "/frequencies/{frequencyId}/rename", Permission.MANAGE_FREQUENCIES, (ctx, tenant) -> {
            FrequencyId id = frequencyId(ctx);
            Long expected = ifMatch(ctx);
            Requests.FrequencyRename body = RequestBodies.read(ctx, Requests.FrequencyRename.class);
            send(ctx, new RenameFrequency(id, tenant, body.name(), expected));
            written(ctx, id.value(), deps.frequencies().frequency(tenant, id), "frequency");
        });
        tenantRoute(cfg, HandlerType.POST, TENANT + "/frequencies/{frequencyId}/deactivate", Permission.MANAGE_FREQUENCIES, (ctx, tenant) -> {
            FrequencyId id = frequencyId(ctx);
            Long expected = ifMatch(ctx);
            noBody(ctx);
            send(ctx, new DeactivateFrequency(id, tenant, expected));
            written(ctx, id.value(), deps.frequencies().frequency(tenant, id), "frequency");
        });
        tenantRoute(cfg, HandlerType.POST, TENANT + "/frequencies/{frequencyId}/reactivate", Permission.MANAGE_FREQUENCIES, (ctx, tenant) -> {
            FrequencyId id = frequencyId(ctx);
            Long expected = ifMatch(ctx);
            noBody(ctx);
            send(ctx, new ReactivateFrequency(id, tenant, expected));
            written(ctx, id.value(), deps.frequencies().frequency(tenant, id), "frequency");
        });
        readRoute(cfg, TENANT + "/frequencies/{frequencyId}/history", (ctx, tenant) ->
                history(ctx, tenant, "frequency", frequencyId(ctx).value(), "frequency"));

        // the distribution list (P1-P3): settings, so not blocked by the S1 invoicing switch
        String list = TENANT + "/distribution-list";
        tenantRoute(cfg, HandlerType.GET, list, Permission.READ, (ctx, tenant) -> {
            int limit = limit(ctx);
            String after = blankToNull(ctx.queryParam("after"));
            if (after != null) {
                parsed("after", after);
            }
            ctx.json(deps.distributionList().search(tenant, searchQuery(ctx), after, limit));
        });
        // before {customerNumber}: the entry of customer number "export" is found through the list (?q=export)
        tenantRoute(cfg, HandlerType.GET, list + "/export", Permission.READ, (ctx, tenant) -> {
            List<List<Object>> rows = deps.distributionList().all(tenant).stream()
                    .map(e -> List.<Object>of(e.customerNumber(), e.email())).toList();
            ctx.header("Content-Disposition", "attachment; filename=\"distribution-list.csv\"")
                    .contentType(Exports.CSV + "; charset=utf-8; header=present")
                    .result(Exports.csv(List.of("customer_number", "email"), rows));
        });
        tenantRoute(cfg, HandlerType.POST, list + "/import", Permission.MANAGE_DISTRIBUTION, this::importDistributionList);
        tenantRoute(cfg, HandlerType.GET, list + "/{customerNumber}", Permission.READ, (ctx, tenant) ->
                ok(ctx, deps.distributionList().entry(tenant, pathId(ctx, "customerNumber", CustomerNumber::new)),
                        "distribution list entry"));
        tenantRoute(cfg, HandlerType.PUT, list + "/{customerNumber}", Permission.MANAGE_DISTRIBUTION, (ctx, tenant) -> {
            // PUT names the entry it creates: a malformed number is bad input, not an unknown resource
            CustomerNumber number = parsed("customerNumber", ctx.pathParam("customerNumber"));
            Long expected = ifMatch(ctx);
            Requests.DistributionEmail body = RequestBodies.read(ctx, Requests.DistributionEmail.class);
            SetDistributionEntry.Outcome outcome = send(ctx, new SetDistributionEntry(tenant, number, body.email(), expected));
            String aggregateId = DistributionListCommand.aggregateId(tenant, number);
            if (outcome == SetDistributionEntry.Outcome.ADDED) {
                created(ctx, path(tenant, "distribution-list", number.value()), aggregateId,
                        deps.distributionList().entry(tenant, number));
            } else {
                written(ctx, aggregateId, deps.distributionList().entry(tenant, number), "distribution list entry");
            }
        });
        tenantRoute(cfg, HandlerType.DELETE, list + "/{customerNumber}", Permission.MANAGE_DISTRIBUTION, (ctx, tenant) -> {
            CustomerNumber number = pathId(ctx, "customerNumber", CustomerNumber::new);
            send(ctx, new RemoveDistributionEntry(tenant, number, ifMatch(ctx)));
            String aggregateId = DistributionListCommand.aggregateId(tenant, number);
            deps.queries().lastVersion(aggregateId)
                    .ifPresent(version -> ctx.header(VERSION_HEADER, aggregateId + ":" + version));
            ctx.status(HttpStatus.NO_CONTENT);
        });
        readRoute(cfg, list + "/{customerNumber}/history", (ctx, tenant) -> history(ctx, tenant, "distributionlist",
                DistributionListCommand.aggregateId(tenant, pathId(ctx, "customerNumber", CustomerNumber::new)),
                "distribution list entry"));
        settingsRoutes(cfg);
    }

    /**
     * POST .../distribution-list/import (P3): a CSV file; {@code mode=merge} (default) adds and changes
     * entries, {@code mode=replace} also removes those the file does not name; {@code validateOnly=true}
     * answers what the import would do and changes nothing. The valid rows are applied, each rejected row
     * is reported (ADR 0180).
     */
    private void importDistributionList(Context ctx, TenantId tenant) {
        boolean validateOnly = oneOf(ctx, "validateOnly", List.of("false", "true")).equals("true");
        boolean replace = oneOf(ctx, "mode", List.of("merge", "replace")).equals("replace");
        byte[] file = CsvBodies.read(ctx, MAX_IMPORT_BYTES);
        DistributionList.ImportPlan plan = deps.distributionList().plan(tenant, file, replace);
        DistributionImports.Result result = DistributionImports.run(tenant, plan, replace, validateOnly,
                new DistributionImports.Sender() {
                    @Override
                    public <R> R send(Object command) {
                        return WebApp.this.send(ctx, command);
                    }
                });
        if (!result.written().isEmpty() && result.written().size() <= MAX_IMPORT_VERSIONS) {
            for (String aggregateId : result.written()) {
                deps.queries().lastVersion(aggregateId).ifPresent(version -> alsoWritten(ctx, aggregateId, version));
            }
        }
        ctx.json(result.report());
    }

    /** {@code q}: trimmed, null when blank, at most 254 characters (an email address). */
    private static String searchQuery(Context ctx) {
        String q = blankToNull(ctx.queryParam("q"));
        if (q != null && q.strip().length() > 254) {
            throw DomainException.invalid("q", "max-length", "q must be at most 254 characters");
        }
        return q == null ? null : q.strip();
    }

    /** A customer number given as {@code name}, or INVALID_INPUT naming it. */
    private static CustomerNumber parsed(String name, String value) {
        try {
            return new CustomerNumber(value);
        } catch (DomainException e) {
            throw DomainException.invalid(name, "format", name + " must be 1-32 letters, digits, '.', '_' or '-'");
        }
    }

    /** An optional query parameter from {@code allowed}; absent is the first. */
    private static String oneOf(Context ctx, String name, List<String> allowed) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return allowed.get(0);
        }
        if (!allowed.contains(value)) {
            throw DomainException.invalid(name, "one-of", name + " must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /**
     * The tenant's distribution settings (H7, S2-S6): read from the write side, so a change is seen at once. Not
     * invoicing: the S1 switch does not block them.
     */
    private void settingsRoutes(JavalinConfig cfg) {
        String settings = TENANT + "/settings";
        // H7
        tenantRoute(cfg, HandlerType.GET, settings + "/payment", Permission.READ, (ctx, tenant) ->
                settingsView(ctx, deps.settings().payment(tenant)));
        tenantRoute(cfg, HandlerType.PUT, settings + "/payment", Permission.ADMINISTER_TENANT, (ctx, tenant) -> {
            Long expected = ifMatch(ctx);
            send(ctx, new ChangePaymentSettings(tenant, RequestBodies.read(ctx, PaymentSettings.class), expected));
            settingsWritten(ctx, tenant, deps.settings().payment(tenant));
        });
        // S2
        tenantRoute(cfg, HandlerType.GET, settings + "/layouts", Permission.READ, (ctx, tenant) ->
                settingsView(ctx, deps.settings().layouts(tenant)));
        tenantRoute(cfg, HandlerType.PUT, settings + "/layouts", Permission.MANAGE_TEMPLATES, (ctx, tenant) -> {
            Long expected = ifMatch(ctx);
            send(ctx, new ChangeDefaultLayouts(tenant, RequestBodies.read(ctx, DefaultLayouts.class), expected));
            settingsWritten(ctx, tenant, deps.settings().layouts(tenant));
        });
        tenantRoute(cfg, HandlerType.PUT, settings + "/layouts/customers/{customerNumber}", Permission.MANAGE_TEMPLATES,
                (ctx, tenant) -> {
                    CustomerNumber number = pathId(ctx, "customerNumber", CustomerNumber::new);
                    Long expected = ifMatch(ctx);
                    Requests.CustomerLayout body = RequestBodies.read(ctx, Requests.CustomerLayout.class);
                    boolean created = deps.settings().customerLayout(tenant, number.value()).isEmpty();
                    send(ctx, new SetCustomerLayout(tenant, number, body.layout(), expected));
                    settingsWritten(ctx, tenant, deps.settings().customerLayout(tenant, number.value())
                            .orElseThrow(() -> DomainException.notFound("layout rule")), created);
                });
        tenantRoute(cfg, HandlerType.DELETE, settings + "/layouts/customers/{customerNumber}",
                Permission.MANAGE_TEMPLATES, (ctx, tenant) -> {
                    CustomerNumber number = pathId(ctx, "customerNumber", CustomerNumber::new);
                    send(ctx, new RemoveCustomerLayout(tenant, number, ifMatch(ctx)));
                    settingsDeleted(ctx, tenant);
                });
        // S3
        tenantRoute(cfg, HandlerType.GET, settings + "/templates", Permission.READ, (ctx, tenant) ->
                settingsView(ctx, deps.settings().templates(tenant)));
        tenantRoute(cfg, HandlerType.GET, settings + "/templates/{templateName}", Permission.READ, (ctx, tenant) ->
                settingsView(ctx, deps.settings().template(tenant, pathId(ctx, "templateName", TemplateName::new))
                        .orElseThrow(() -> DomainException.notFound("template"))));
        tenantRoute(cfg, HandlerType.PUT, settings + "/templates/{templateName}", Permission.MANAGE_TEMPLATES,
                (ctx, tenant) -> {
                    TemplateName name = new TemplateName(ctx.pathParam("templateName"));
                    Long expected = ifMatch(ctx);
                    Requests.TemplateBody body = RequestBodies.read(ctx, Requests.TemplateBody.class);
                    boolean created = deps.settings().templates(tenant).view().items().stream()
                            .noneMatch(t -> t.templateName().equals(name.value()));
                    send(ctx, deps.settings().templateCommand(tenant, name, body, expected));
                    settingsWritten(ctx, tenant, deps.settings().template(tenant, name)
                            .orElseThrow(() -> DomainException.notFound("template")), created);
                });
        tenantRoute(cfg, HandlerType.DELETE, settings + "/templates/{templateName}", Permission.MANAGE_TEMPLATES,
                (ctx, tenant) -> {
                    TemplateName name = pathId(ctx, "templateName", TemplateName::new);
                    send(ctx, new RemoveDocumentTemplate(tenant, name, ifMatch(ctx)));
                    settingsDeleted(ctx, tenant);
                });
        tenantRoute(cfg, HandlerType.POST, settings + "/templates/{templateName}/preview", Permission.READ,
                (ctx, tenant) -> {
                    TemplateName name = pathId(ctx, "templateName", TemplateName::new);
                    Requests.TemplateBody unsaved = optionalBody(ctx, Requests.TemplateBody.class, null);
                    if (unsaved != null && !caller(ctx).may(Permission.MANAGE_TEMPLATES)) {
                        throw new DomainException(ErrorCode.FORBIDDEN, "previewing an unsaved template needs the "
                                + Permission.MANAGE_TEMPLATES + " permission");
                    }
                    byte[] pdf = deps.settings().preview(tenant, name, unsaved, ctx.queryParam("language"))
                            .orElseThrow(() -> DomainException.notFound("template"));
                    ctx.contentType("application/pdf")
                            .header("Content-Disposition", "inline; filename=\"" + name + "-preview.pdf\"").result(pdf);
                });
        // S4, S5
        tenantRoute(cfg, HandlerType.GET, settings + "/email-templates", Permission.READ, (ctx, tenant) ->
                settingsView(ctx, deps.settings().emailTemplates(tenant)));
        tenantRoute(cfg, HandlerType.GET, settings + "/email-templates/fields", Permission.READ, (ctx, tenant) ->
                ctx.json(Map.of("items", deps.settings().emailFields())));
        String emailTemplate = settings + "/email-templates/{documentType}/{language}";
        tenantRoute(cfg, HandlerType.GET, emailTemplate, Permission.READ, (ctx, tenant) ->
                settingsView(ctx, deps.settings().emailTemplate(tenant, pathId(ctx, "documentType", WebApp::documentType),
                        ctx.pathParam("language")).orElseThrow(() -> DomainException.notFound("email template"))));
        tenantRoute(cfg, HandlerType.PUT, emailTemplate, Permission.CUSTOM_INVOICE_EMAIL, (ctx, tenant) -> {
            DocumentType type = documentType(ctx.pathParam("documentType"));
            String language = ctx.pathParam("language");
            Long expected = ifMatch(ctx);
            Requests.EmailTemplateBody body = RequestBodies.read(ctx, Requests.EmailTemplateBody.class);
            boolean created = deps.settings().emailTemplate(tenant, type, language).isEmpty();
            send(ctx, new SaveEmailTemplate(tenant, type, language, body.name(), body.subject(), body.body(), expected));
            settingsWritten(ctx, tenant, deps.settings().emailTemplate(tenant, type, language)
                    .orElseThrow(() -> DomainException.notFound("email template")), created);
        });
        tenantRoute(cfg, HandlerType.DELETE, emailTemplate, Permission.CUSTOM_INVOICE_EMAIL, (ctx, tenant) -> {
            DocumentType type = pathId(ctx, "documentType", WebApp::documentType);
            send(ctx, new RemoveEmailTemplate(tenant, type, ctx.pathParam("language"), ifMatch(ctx)));
            settingsDeleted(ctx, tenant);
        });
        // S5, S6
        tenantRoute(cfg, HandlerType.GET, settings + "/sender-account", Permission.READ, (ctx, tenant) ->
                settingsView(ctx, deps.settings().senderAccount(tenant).orElseThrow(() ->
                        DomainException.notFound("sender account (mail goes from the system sender)"))));
        tenantRoute(cfg, HandlerType.PUT, settings + "/sender-account", Permission.CUSTOM_INVOICE_EMAIL, (ctx, tenant) -> {
            Long expected = ifMatch(ctx);
            Requests.SenderAccountBody body = RequestBodies.read(ctx, Requests.SenderAccountBody.class);
            send(ctx, deps.settings().senderAccountCommand(tenant, body, expected));
            ctx.header("Cache-Control", "no-store");
            settingsWritten(ctx, tenant, deps.settings().senderAccount(tenant)
                    .orElseThrow(() -> DomainException.notFound("sender account")));
        });
        tenantRoute(cfg, HandlerType.DELETE, settings + "/sender-account", Permission.CUSTOM_INVOICE_EMAIL, (ctx, tenant) -> {
            send(ctx, new RemoveSenderAccount(tenant, ifMatch(ctx)));
            settingsDeleted(ctx, tenant);
        });
        tenantRoute(cfg, HandlerType.POST, settings + "/sender-account/test", Permission.CUSTOM_INVOICE_EMAIL,
                (ctx, tenant) -> {
                    Requests.TestEmail body = RequestBodies.read(ctx, Requests.TestEmail.class);
                    ctx.header("Cache-Control", "no-store").json(deps.settings().sendTestEmail(tenant, body.to())
                            .orElseThrow(() -> DomainException.notFound("sender account (mail goes from the system sender)")));
                });
        // the settings exist from the tenant's start (defaults); before their first change the history is empty
        readRoute(cfg, settings + "/history", (ctx, tenant) -> raw(ctx, deps.readModel().history(tenant,
                "distributionsettings", DistributionSettingsCommand.aggregateId(tenant)).orElse(EMPTY_LIST)));
    }

    /** {@code invoice}, {@code credit-note} or {@code order}, as in the template input XML. */
    private static DocumentType documentType(String name) {
        return switch (name) {
            case "invoice" -> DocumentType.INVOICE;
            case "credit-note" -> DocumentType.CREDIT_NOTE;
            case "order" -> DocumentType.ORDER;
            default -> throw DomainException.invalid("documentType", "one-of",
                    "documentType must be one of invoice, credit-note, order");
        };
    }

    /** A settings view; ETag is the settings' version once there is one. */
    private static void settingsView(Context ctx, Versioned<?> view) {
        if (view.version() >= 0) {
            ctx.header("ETag", "\"" + view.version() + "\"");
        }
        ctx.json(view.view());
    }

    /** A settings command's response: the part changed as it is now, with the settings' new version. */
    private static void settingsWritten(Context ctx, TenantId tenant, Versioned<?> view) {
        ctx.header(VERSION_HEADER, DistributionSettingsCommand.aggregateId(tenant) + ":" + view.version());
        settingsView(ctx, view);
    }

    /** As {@link #settingsWritten(Context, TenantId, Versioned)}; 201 with Location when the request created it. */
    private static void settingsWritten(Context ctx, TenantId tenant, Versioned<?> view, boolean created) {
        if (created) {
            ctx.status(HttpStatus.CREATED).header("Location", ctx.path());
        }
        settingsWritten(ctx, tenant, view);
    }

    private void settingsDeleted(Context ctx, TenantId tenant) {
        ctx.header(VERSION_HEADER, DistributionSettingsCommand.aggregateId(tenant) + ":" + deps.settings().version(tenant));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /**
     * The catalogue list (Q4, Q5) as JSON, CSV or XLSX: the {@code format} parameter ({@code json},
     * {@code csv}, {@code xlsx}) wins over the Accept header ({@code text/csv}, the XLSX media type).
     */
    private void listFrequencies(Context ctx, TenantId tenant) {
        String format = ctx.queryParam("format");
        if (format == null) {
            String accept = ctx.header("Accept") == null ? "" : ctx.header("Accept");
            format = accept.contains(Exports.XLSX) ? "xlsx" : accept.contains(Exports.CSV) ? "csv" : "json";
        } else if (!List.of("json", "csv", "xlsx").contains(format)) {
            throw DomainException.invalid("format", "one-of", "format must be one of json, csv, xlsx");
        }
        Frequencies.Catalogue catalogue = deps.frequencies().list(tenant);
        List<Frequencies.Row> rows = FrequencyListing.select(catalogue.items(), ctx.queryParam("status"),
                ctx.queryParam("mine"), ctx.queryParam("sort"), ctx.queryParam("direction"), caller(ctx).actor());
        if (format.equals("json")) {
            ctx.json(Map.of("items", rows, "language", catalogue.language()));
            return;
        }
        String language = catalogue.language();
        ZoneId zone = ZoneId.of(catalogue.timeZone());
        List<String> headings = FrequencyListing.EXPORTED.stream().map(c -> c.heading(language)).toList();
        List<List<Object>> cells = rows.stream().map(row -> FrequencyListing.EXPORTED.stream()
                .map(c -> FrequencyListing.cell(c, row, language, zone)).toList()).toList();
        boolean csv = format.equals("csv");
        ctx.header("Content-Disposition", "attachment; filename=\"frequencies." + format + "\"")
                .contentType(csv ? Exports.CSV + "; charset=utf-8; header=present" : Exports.XLSX)
                .result(csv ? Exports.csv(headings, cells) : Exports.xlsx("Frequencies", headings, cells));
    }

    /**
     * H11/H12 send, P7 re-send: a new distribution of the invoice, to the given addresses or routed.
     * Answers 202: the email goes out asynchronously; its progress is in the distribution log.
     */
    private void requestDistribution(Context ctx, TenantId tenant, DistributionTrigger trigger) {
        InvoiceId invoiceId = invoiceId(ctx);
        Requests.Send body = optionalBody(ctx, Requests.Send.class, new Requests.Send(null, null));
        List<String> to = body.to() == null ? List.of() : body.to();
        List<String> cc = body.cc() == null ? List.of() : body.cc();
        if (trigger == DistributionTrigger.RESEND && to.isEmpty()) {
            throw DomainException.invalid("to", "required", "a re-send needs the address to send to");
        }
        DistributionId distributionId = DistributionId.random();
        send(ctx, new RequestDistribution(distributionId, tenant, invoiceId, trigger, to, cc));
        ctx.header(VERSION_HEADER, distributionId.value() + ":0");
        ctx.header("Location", path(tenant, "invoices", invoiceId.value()) + "/distribution");
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("distributionId", distributionId.value(),
                "invoiceId", invoiceId.value(), "trigger", trigger.name()));
    }

    /**
     * Issue 5 (S2): a new distribution of the order's confirmation, in the layout the user picks (else the tenant's
     * order layout), to the given addresses or routed like an invoice. Allowed while the tenant's invoicing is
     * deactivated (ADR 0210). Answers 202 like an invoice's send.
     */
    private void sendOrder(Context ctx, TenantId tenant) {
        OrderId orderId = pathId(ctx, "orderId", OrderId::new);
        Requests.SendOrder body = optionalBody(ctx, Requests.SendOrder.class, new Requests.SendOrder(null, null, null));
        List<String> to = body.to() == null ? List.of() : body.to();
        List<String> cc = body.cc() == null ? List.of() : body.cc();
        String layout = body.layout();
        DistributionId distributionId = DistributionId.random();
        send(ctx, RequestDistribution.order(distributionId, tenant, orderId, to, cc, layout));
        ctx.header(VERSION_HEADER, distributionId.value() + ":0");
        ctx.header("Location", path(tenant, "orders", orderId.value()) + "/distribution");
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("distributionId", distributionId.value());
        accepted.put("orderId", orderId.value());
        accepted.put("trigger", DistributionTrigger.SEND.name());
        accepted.put("layout", layout);
        ctx.status(HttpStatus.ACCEPTED).json(accepted);
    }

    /** CSV when {@code format=csv}, or when the client accepts text/csv and not JSON; JSON otherwise. */
    private static boolean wantsCsv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            if (format.equals("csv")) {
                return true;
            }
            if (format.equals("json")) {
                return false;
            }
            throw DomainException.invalid("format", "one-of", "format must be json or csv");
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/csv") && !accept.contains("application/json");
    }

    /** The development tools, for the operator of a development installation only. */
    private Development development(Context ctx, String what) {
        if (!deps.development().enabled()) {
            throw DomainException.notFound("development tools (set INVOICEFLOW_MODE=development)");
        }
        requireOperator(ctx, what);
        return deps.development();
    }

    private static void requireOperator(Context ctx, String what) {
        if (!caller(ctx).isAdmin()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "only the operator (admin token) " + what);
        }
    }

    // ---- route plumbing

    @FunctionalInterface
    private interface TenantHandler {
        void handle(Context ctx, TenantId tenant) throws Exception;
    }

    @FunctionalInterface
    private interface InvoiceAction {
        void handle(Context ctx, TenantId tenant, InvoiceId invoiceId) throws Exception;
    }

    private void route(JavalinConfig cfg, HandlerType method, String path, io.javalin.http.Handler routeHandler) {
        routes.add(new Route(method.name(), path));
        io.javalin.http.Handler handler = ctx -> {
            ctx.attribute(ROUTE, path);
            routeHandler.handle(ctx);
        };
        if (method == HandlerType.GET) {
            cfg.routes.get(path, handler);
        } else if (method == HandlerType.POST) {
            cfg.routes.post(path, handler);
        } else if (method == HandlerType.PUT) {
            cfg.routes.put(path, handler);
        } else if (method == HandlerType.DELETE) {
            cfg.routes.delete(path, handler);
        } else {
            throw new IllegalArgumentException(method.name());
        }
    }

    /** A route under a tenant: the caller must see the tenant (else 404) and hold the permission (else 403). */
    private void tenantRoute(JavalinConfig cfg, HandlerType method, String path, Permission permission,
                             TenantHandler handler) {
        route(cfg, method, path, ctx -> {
            Caller caller = caller(ctx);
            TenantId tenant = pathId(ctx, "tenantId", TenantId::new);
            if (!caller.canSee(tenant)) {
                throw DomainException.notFound("tenant " + tenant);
            }
            if (!caller.may(permission)) {
                throw new DomainException(ErrorCode.FORBIDDEN, "this needs the " + permission + " permission");
            }
            handler.handle(ctx, tenant);
        });
    }

    @FunctionalInterface
    private interface RecurringAction {
        void handle(Context ctx, TenantId tenant, RecurringId recurringId) throws Exception;
    }

    /** A change of a recurring schedule, {@code .../recurring/{recurringId}<suffix>}: answers with the schedule afterwards. */
    private void recurringAction(JavalinConfig cfg, HandlerType method, String suffix, RecurringAction handler) {
        tenantRoute(cfg, method, TENANT + "/recurring/{recurringId}" + suffix, Permission.INVOICE, (ctx, tenant) -> {
            RecurringId id = recurringId(ctx);
            handler.handle(ctx, tenant, id);
            written(ctx, id.value(), deps.queries().asWritten().recurring(tenant, id), "recurring invoice");
        });
    }

    /** POST .../invoices/{id}/{action}: answers with the invoice as it is afterwards. */
    private void invoiceAction(JavalinConfig cfg, String action, InvoiceAction handler) {
        tenantRoute(cfg, HandlerType.POST, TENANT + "/invoices/{invoiceId}/" + action, Permission.INVOICE, (ctx, tenant) -> {
            InvoiceId invoiceId = invoiceId(ctx);
            handler.handle(ctx, tenant, invoiceId);
            written(ctx, invoiceId.value(), deps.queries().asWritten().invoice(tenant, invoiceId), "invoice");
        });
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 7 + 200) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "send an API key as 'Authorization: Bearer <key>'");
        }
        Caller caller = deps.authenticator().authenticate(header.substring(7).trim())
                .orElseThrow(() -> new DomainException(ErrorCode.UNAUTHENTICATED, "unknown API key"));
        ctx.attribute(CALLER, caller);
    }

    private static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "not authenticated");
        }
        return caller;
    }

    private <R> R send(Context ctx, Object command) {
        return deps.commands().send(command, caller(ctx), RequestIds.of(ctx));
    }

    private static FrequencyId frequencyId(Context ctx) {
        return pathId(ctx, "frequencyId", FrequencyId::new);
    }

    private static RecurringId recurringId(Context ctx) {
        return pathId(ctx, "recurringId", RecurringId::new);
    }

    private static InvoiceId invoiceId(Context ctx) {
        return pathId(ctx, "invoiceId", InvoiceId::new);
    }

    /** A malformed id in the path names nothing that exists: 404, like an unknown one. */
    private static <T> T pathId(Context ctx, String name, Function<String, T> parse) {
        try {
            return parse.apply(ctx.pathParam(name));
        } catch (DomainException e) {
            throw DomainException.notFound(name + " " + ctx.pathParam(name));
        }
    }

    private static String path(TenantId tenant, String collection, String id) {
        return API + "/tenants/" + tenant + "/" + collection + "/" + id;
    }

    private static Long ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.equals("*")) {
            return null;
        }
        Matcher m = ETAG.matcher(header.trim());
        if (!m.matches()) {
            throw DomainException.invalid("If-Match", "etag", "If-Match must be an ETag this API returned, such as \"3\"");
        }
        return Long.parseLong(m.group(1));
    }

    private static <T> T optionalBody(Context ctx, Class<T> type, T whenEmpty) {
        return ctx.body().isBlank() ? whenEmpty : RequestBodies.read(ctx, type);
    }

    private static void noBody(Context ctx) {
        if (!ctx.body().isBlank() && !ctx.body().trim().equals("{}")) {
            throw DomainException.invalid("$", "empty", "this action takes no request body");
        }
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw DomainException.invalid("limit", "range", "limit must be an integer from 1 to " + MAX_PAGE);
    }

    private static void ok(Context ctx, Optional<Versioned<Object>> view, String what) {
        Versioned<Object> found = view.orElseThrow(() -> DomainException.notFound(what));
        ctx.header("ETag", "\"" + found.version() + "\"");
        if (found.view() instanceof RawJson raw) {
            raw(ctx, raw);
        } else {
            ctx.json(found.view());
        }
    }

    /** A command's response: the resource as it is now, and the event version a read may wait for. */
    private static void written(Context ctx, String aggregateId, Optional<Versioned<Object>> view, String what) {
        Versioned<Object> found = view.orElseThrow(() -> DomainException.notFound(what));
        alsoWritten(ctx, aggregateId, view);
        ctx.header("ETag", "\"" + found.version() + "\"").json(found.view());
    }

    private static void created(Context ctx, String location, String aggregateId, Optional<Versioned<Object>> view) {
        Versioned<Object> found = view.orElseThrow(() -> new IllegalStateException("created resource not readable"));
        alsoWritten(ctx, aggregateId, view);
        ctx.status(HttpStatus.CREATED).header("Location", location).header("ETag", "\"" + found.version() + "\"")
                .json(found.view());
    }

    /**
     * Adds {@code aggregateId:version} to the {@value #VERSION_HEADER} header: what the request wrote,
     * to pass as {@code waitFor} to a read that must reflect it.
     */
    private static void alsoWritten(Context ctx, String aggregateId, Optional<Versioned<Object>> view) {
        view.ifPresent(v -> alsoWritten(ctx, aggregateId, v.version()));
    }

    private static void alsoWritten(Context ctx, String aggregateId, long version) {
        String written = aggregateId + ":" + version;
        String before = ctx.res().getHeader(VERSION_HEADER);
        ctx.header(VERSION_HEADER, before == null ? written : before + ", " + written);
    }

    // ---- the read side

    /**
     * A GET served by the read side: answered where the tenant's read models live (forwarded to the
     * instance that holds them), once the events named in {@code waitFor} are reflected.
     */
    private void readRoute(JavalinConfig cfg, String path, TenantHandler handler) {
        tenantRoute(cfg, HandlerType.GET, path, Permission.READ, (ctx, tenant) -> {
            List<Written> waitFor = waitFor(ctx);
            long deadline = System.nanoTime() + (waitFor.isEmpty() ? 0 : longParam(ctx, "waitMs", 2000, 0, 10_000))
                    * 1_000_000;
            ReadModel.Location location = deps.readModel().locate(tenant);
            while (location instanceof ReadModel.Unavailable && System.nanoTime() < deadline) {
                Thread.sleep(50); // a client that waits for its write also waits for the read side to come up
                location = deps.readModel().locate(tenant);
            }
            if (location instanceof ReadModel.Elsewhere elsewhere && !ReadForwarding.wasForwarded(ctx)) {
                forwarding.forward(ctx, elsewhere.baseUrl());
                return;
            }
            if (!(location instanceof ReadModel.Here)) {
                throw new DomainException(ErrorCode.READ_SIDE_UNAVAILABLE, (location instanceof ReadModel.Unavailable u
                        ? u.reason() : "the tenant's read models are moving between instances") + "; retry in a moment");
            }
            for (Written written : waitFor) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (!deps.readModel().awaitVersion(tenant, written.aggregateId(), written.version(), left)) {
                    throw new DomainException(ErrorCode.READ_SIDE_UNAVAILABLE, "the read side has not reflected "
                            + written + " in time; retry in a moment");
                }
            }
            deps.readModel().position(tenant).ifPresent(p -> ctx.header("Invoiceflow-Position", p.offset())
                    .header("Invoiceflow-Reflects", p.eventTime().toString()));
            handler.handle(ctx, tenant);
        });
    }

    /** A write a read waits for: {@code aggregateId:version}, as {@value #VERSION_HEADER} names it. */
    private record Written(String aggregateId, long version) {
        @Override
        public String toString() {
            return aggregateId + ":" + version;
        }
    }

    /** {@code waitFor=<aggregateId>:<version>[,...]}; empty when absent. */
    private static List<Written> waitFor(Context ctx) {
        if (ctx.queryString() == null) {
            return List.of(); // most reads: no query string to parse
        }
        String waitFor = ctx.queryParam("waitFor");
        if (waitFor == null || waitFor.isBlank()) {
            return List.of();
        }
        List<Written> written = new ArrayList<>();
        for (String part : waitFor.split(",")) {
            String token = part.trim();
            int colon = token.lastIndexOf(':');
            try {
                long version = Long.parseLong(token.substring(colon + 1));
                if (colon > 0 && version >= 0) {
                    written.add(new Written(token.substring(0, colon), version));
                    continue;
                }
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // reported below
            }
            throw DomainException.invalid("waitFor", "format",
                    "waitFor must list <aggregateId>:<version> as the " + VERSION_HEADER + " header gives them");
        }
        return written;
    }

    private void history(Context ctx, TenantId tenant, String kind, String aggregateId, String what) {
        raw(ctx, deps.readModel().history(tenant, kind, aggregateId)
                .orElseThrow(() -> DomainException.notFound(what)));
    }

    private static void pdf(Context ctx, Documents.Pdf pdf) {
        ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"" + pdf.fileName() + "\"")
                .result(pdf.bytes());
    }

    private static void raw(Context ctx, RawJson json) {
        ctx.contentType("application/json").result(json.json());
    }

    private static long longParam(Context ctx, String name, long whenAbsent, long min, long max) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return whenAbsent;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw DomainException.invalid(name, "range", name + " must be an integer from " + min + " to " + max);
    }

    private static Instant instantParam(Context ctx, String name) {
        String value = blankToNull(ctx.queryParam(name));
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw DomainException.invalid(name, "format", name + " must be an ISO-8601 instant such as "
                        + "2026-11-30T06:15:00Z or a date such as 2026-11-30 (midnight UTC)");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String resource(String name) {
        try (InputStream in = WebApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the web module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
