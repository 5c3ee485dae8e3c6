package dev.lanyard.example.order.boundary;

import dev.lanyard.example.order.entity.CustomerOrder;
import java.math.BigDecimal;
import java.time.Instant;

/** An order as its customer sees it: the product as it was when ordered, the price paid and the total. */
public record OrderView(
        long id, OrderedProduct product, int quantity, BigDecimal unitPrice, BigDecimal total, Instant createdAt) {

    public record OrderedProduct(long id, String sku, String name) {}

    public static OrderView of(CustomerOrder order) {
        var product = new OrderedProduct(order.productId(), order.productSku(), order.productName());
        return new OrderView(
                order.id(), product, order.quantity(), order.unitPrice(), order.total(), order.createdAt());
    }
}
