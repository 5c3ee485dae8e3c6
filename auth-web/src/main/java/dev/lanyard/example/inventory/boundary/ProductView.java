package dev.lanyard.example.inventory.boundary;

import dev.lanyard.example.inventory.entity.Product;
import java.math.BigDecimal;

/** A product as the API shows it; the price is a JSON number with two decimals, such as 19.99. */
public record ProductView(long id, String sku, String name, BigDecimal price, int stock) {

    public static ProductView of(Product product) {
        return new ProductView(product.id(), product.sku(), product.name(), product.price(), product.stock());
    }
}
