package dev.lanyard.example.order.entity;

import dev.lanyard.account.entity.User;
import dev.lanyard.example.inventory.entity.Product;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A customer's order of one product (table {@code orders}; "Order" is a JPQL keyword). It copies what was
 * bought as it was then: the customer's email and the product's SKU, name and price, so that the order reads
 * the same after the product changes or the customer's account is deleted. Never changed once placed. It holds
 * the customer's and the product's ids, not relations: it shows only its own copy, and needs neither loaded.
 */
@Entity
@Table(name = "orders")
@NamedQueries({
    @NamedQuery(
            name = CustomerOrder.OF_CUSTOMER,
            query = "SELECT o FROM CustomerOrder o"
                    + " WHERE o.customerId = :customer ORDER BY o.createdAt DESC, o.id DESC"),
    @NamedQuery(
            name = CustomerOrder.COUNT_OF_CUSTOMER,
            query = "SELECT COUNT(o) FROM CustomerOrder o WHERE o.customerId = :customer")
})
public class CustomerOrder {

    public static final String OF_CUSTOMER = "CustomerOrder.ofCustomer";
    public static final String COUNT_OF_CUSTOMER = "CustomerOrder.countOfCustomer";
    public static final int MAX_QUANTITY = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null once the customer's account is deleted (the database sets it). */
    @Column(name = "customer_id", updatable = false)
    private Long customerId;

    @Column(name = "customer_email", nullable = false, updatable = false)
    private String customerEmail;

    @Column(name = "product_id", nullable = false, updatable = false)
    private Long productId;

    @Column(name = "product_sku", nullable = false, updatable = false, length = Product.MAX_SKU)
    private String productSku;

    @Column(name = "product_name", nullable = false, updatable = false, length = Product.MAX_NAME)
    private String productName;

    @Column(name = "unit_price", nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal unitPrice;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CustomerOrder() {}

    /** An order of {@code quantity} (1 to {@value #MAX_QUANTITY}) of the product, at its current price. */
    public CustomerOrder(User customer, Product product, int quantity, Instant placedAt) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("Quantity must be 1 to " + MAX_QUANTITY + ": " + quantity);
        }
        this.customerId = Objects.requireNonNull(customer, "customer").id();
        this.customerEmail = customer.email();
        this.productId = Objects.requireNonNull(product, "product").id();
        this.productSku = product.sku();
        this.productName = product.name();
        this.unitPrice = product.price();
        this.quantity = quantity;
        // PostgreSQL keeps microseconds; the object answers what a reload would.
        this.createdAt = Objects.requireNonNull(placedAt, "placedAt").truncatedTo(ChronoUnit.MICROS);
    }

    /** What the order costs: the unit price it was placed at, times the quantity. */
    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public boolean isPlacedBy(long userId) {
        return customerId != null && customerId == userId;
    }

    public Long id() {
        return id;
    }

    public String customerEmail() {
        return customerEmail;
    }

    public Long productId() {
        return productId;
    }

    public String productSku() {
        return productSku;
    }

    public String productName() {
        return productName;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public int quantity() {
        return quantity;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
