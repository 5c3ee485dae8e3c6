package dev.lanyard.example.order.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.lanyard.account.entity.User;
import dev.lanyard.example.inventory.entity.Product;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerOrderTest {

    private final User ann = new User("Ann", "ann@example.com", "$2b$12$hash", Instant.EPOCH);
    private final Product tee = new Product("TEE-BLK-M", "T-shirt", new BigDecimal("19.99"), 10);

    @Test
    void theTotalIsTheUnitPriceTimesTheQuantityExactly() {
        var order = new CustomerOrder(ann, tee, 3, Instant.EPOCH);

        assertThat(order.unitPrice()).isEqualTo(new BigDecimal("19.99"));
        assertThat(order.total()).isEqualTo(new BigDecimal("59.97"));
    }

    @Test
    void tenCentsAThousandTimesIsAHundredExactly() {
        var stickers = new Product("STK", "Sticker", new BigDecimal("0.10"), 5000);

        assertThat(new CustomerOrder(ann, stickers, 1000, Instant.EPOCH).total())
                .isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void theOrderKeepsWhatWasBoughtAsItWasThen() {
        var order = new CustomerOrder(ann, tee, 1, Instant.parse("2026-01-02T03:04:05.123456789Z"));

        tee.rename("T-shirt (old print)");
        tee.changePrice(new BigDecimal("24.99"));

        assertThat(order.productSku()).isEqualTo("TEE-BLK-M");
        assertThat(order.productName()).isEqualTo("T-shirt");
        assertThat(order.unitPrice()).isEqualTo(new BigDecimal("19.99"));
        assertThat(order.customerEmail()).isEqualTo("ann@example.com");
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    }

    @Test
    void quantitiesRunFromOneToAThousand() {
        assertThat(new CustomerOrder(ann, tee, CustomerOrder.MAX_QUANTITY, Instant.EPOCH).quantity())
                .isEqualTo(1000);
        assertThatIllegalArgumentException().isThrownBy(() -> new CustomerOrder(ann, tee, 0, Instant.EPOCH));
        assertThatIllegalArgumentException().isThrownBy(() -> new CustomerOrder(ann, tee, 1001, Instant.EPOCH));
    }
}
