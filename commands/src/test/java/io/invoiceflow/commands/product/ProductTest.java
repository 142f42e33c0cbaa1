package io.invoiceflow.commands.product;

import io.invoiceflow.commands.shared.AggregateTestBase;
import io.invoiceflow.commands.shared.FixtureSupport;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.product.AddProduct;
import io.invoiceflow.events.product.ChangeProduct;
import io.invoiceflow.events.product.ProductAdded;
import io.invoiceflow.events.product.ProductChanged;
import io.invoiceflow.events.product.ProductDetails;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.TenantProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.stream.Stream;

import static io.invoiceflow.commands.shared.DomainErrorMatcher.domainError;
import static io.invoiceflow.commands.shared.FixtureSupport.onlyEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** The product catalogue (H5 catalogue lines take their defaults from it). */
class ProductTest extends AggregateTestBase<Product> {
    private static final ProductCode CODE = new ProductCode("RENS-1");

    ProductTest() {
        super(Product.class);
    }

    private static ProductDetails cleaning() {
        return new ProductDetails("Vinduspuss", "time", new BigDecimal("650.00"), new BigDecimal("25"));
    }

    @Test
    void shouldAddProduct_whenDetailsAreValid() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new AddProduct(tenant, CODE, cleaning()))
                // then
                .expectEvents(new ProductAdded(tenant, CODE, cleaning()));
    }

    @Test
    void shouldStoreTheCanonicalRate_whenRateIsWrittenWithDecimals() {
        // given 15.00 %
        fixture.givenNoPriorActivity()
                // when
                .when(new AddProduct(tenant, CODE, new ProductDetails("Kaffe", null, new BigDecimal("39.9"),
                        new BigDecimal("15.00"))))
                // then stored as 15; the unit price is kept as written
                .expectEventsMatching(onlyEvent(ProductAdded.class, e -> {
                    assertThat(e.details().vatRate().toPlainString()).isEqualTo("15");
                    assertThat(e.details().unitPrice().toPlainString()).isEqualTo("39.9");
                }));
    }

    @Test
    void shouldOfferTheTenantCountrysRates_whenTenantIsSwedish() {
        // given a Swedish tenant: 25/12/6/0
        TenantId swedish = TenantId.random();
        db.tenant(swedish, new TenantProfile("Göteborgs Kaffe AB", "556036-0793",
                new Address("Avenyn 1", "411 36", "Göteborg", "SE"), "SEK", "Europe/Stockholm", "sv",
                new NumberSeries("F", 1), new NumberSeries("K", 1), "info@kaffe.example"));
        // when 6 % / then accepted
        fixture.givenNoPriorActivity()
                .when(new AddProduct(swedish, CODE, new ProductDetails("Bok", null, BigDecimal.TEN, new BigDecimal("6"))))
                .expectSuccessfulHandlerExecution();
        // when the Norwegian 15 % / then refused
        FixtureSupport.fixture(Product.class, db).givenNoPriorActivity()
                .when(new AddProduct(swedish, CODE, new ProductDetails("Mat", null, BigDecimal.TEN, new BigDecimal("15"))))
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("vatRate", "one-of"));
    }

    static Stream<Arguments> brokenDetails() {
        BigDecimal price = new BigDecimal("650.00");
        BigDecimal rate = new BigDecimal("25");
        return Stream.of(
                Arguments.of("no name", new ProductDetails(null, null, price, rate), "name", "required"),
                Arguments.of("name over 500", new ProductDetails("x".repeat(501), null, price, rate), "name", "max-length"),
                Arguments.of("unit over 20", new ProductDetails("X", "u".repeat(21), price, rate), "unit", "max-length"),
                Arguments.of("no unit price", new ProductDetails("X", null, null, rate), "unitPrice", "required"),
                Arguments.of("negative unit price", new ProductDetails("X", null, new BigDecimal("-0.01"), rate),
                        "unitPrice", "min"),
                Arguments.of("unit price with 5 decimals", new ProductDetails("X", null, new BigDecimal("0.00001"), rate),
                        "unitPrice", "max-decimals"),
                Arguments.of("unit price above the maximum", new ProductDetails("X", null, new BigDecimal("1000000000000.01"), rate),
                        "unitPrice", "max"),
                Arguments.of("no VAT rate", new ProductDetails("X", null, price, null), "vatRate", "required"),
                Arguments.of("VAT rate 10", new ProductDetails("X", null, price, BigDecimal.TEN), "vatRate", "one-of"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDetails")
    void shouldRefuseWithTheFieldPath_whenDetailsBreakARule(String rule, ProductDetails details, String field,
                                                           String ruleName) {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new AddProduct(tenant, CODE, details))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation(field, ruleName).andNoOtherViolation())
                .expectNoEvents();
    }

    @Test
    void shouldRefuseWithNotFound_whenTenantDoesNotExist() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new AddProduct(TenantId.random(), CODE, cleaning()))
                // then
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void shouldReplaceDetails_whenProductIsChanged() {
        // given
        ProductDetails dearer = new ProductDetails("Vinduspuss", "time", new BigDecimal("690.00"), new BigDecimal("25"));
        fixture.given(new ProductAdded(tenant, CODE, cleaning()))
                // when
                .when(new ChangeProduct(tenant, CODE, dearer, 0L))
                // then
                .expectEvents(new ProductChanged(tenant, CODE, dearer));
    }

    @Test
    void shouldRefuseWithStaleVersion_whenChangingAnOutdatedVersion() {
        // given / when
        fixture.given(new ProductAdded(tenant, CODE, cleaning()))
                .when(new ChangeProduct(tenant, CODE, cleaning(), 2L))
                // then
                .expectException(domainError(ErrorCode.STALE_VERSION));
    }
}
