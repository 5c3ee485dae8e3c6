package dev.lanyard.example.inventory.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.10", "19.99", "19.9", "1.500", "1E+3", "9999999999.99"})
    void pricesThatCanBeChargedExactlyAreValid(String price) {
        assertThat(Product.isValidPrice(new BigDecimal(price))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "19.999", "0.001", "10000000000", "9999999999.999"})
    void negativeOverPreciseOrHugePricesAreNot(String price) {
        assertThat(Product.isValidPrice(new BigDecimal(price))).isFalse();
    }

    @Test
    void noPriceIsNotAValidPrice() {
        assertThat(Product.isValidPrice(null)).isFalse();
    }

    @Test
    void pricesAreKeptWithTwoDecimals() {
        var mug = new Product("MUG", "Mug", new BigDecimal("12.5"), 3);

        assertThat(mug.price()).isEqualTo(new BigDecimal("12.50"));
        mug.changePrice(new BigDecimal("1E+1"));
        assertThat(mug.price()).isEqualTo(new BigDecimal("10.00"));
        assertThat(mug.price().toString()).isEqualTo("10.00");
    }

    @Test
    void anInvalidPriceOrStockIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Product("X", "X", new BigDecimal("0.005"), 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Product("X", "X", BigDecimal.ONE, -1));
        var cap = new Product("CAP", "Cap", new BigDecimal("17.95"), 1);
        assertThatIllegalArgumentException().isThrownBy(() -> cap.changePrice(new BigDecimal("-1")));
        assertThatIllegalArgumentException().isThrownBy(() -> cap.changeStock(-1));
        assertThat(cap.price()).isEqualTo(new BigDecimal("17.95"));
        assertThat(cap.stock()).isEqualTo(1);
    }

    @Test
    void skusCompareCaseInsensitively() {
        assertThat(Product.skuKey("TEE-BLK-M")).isEqualTo(Product.skuKey("tee-blk-m"));
    }
}
