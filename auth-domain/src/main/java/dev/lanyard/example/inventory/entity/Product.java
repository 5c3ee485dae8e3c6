package dev.lanyard.example.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/** Something for sale: a unique SKU, a price in the shop's currency and how many are in stock. */
@Entity
@Table(name = "products")
@NamedQueries({
    @NamedQuery(name = Product.IN_ID_ORDER, query = "SELECT p FROM Product p ORDER BY p.id"),
    @NamedQuery(name = Product.COUNT, query = "SELECT COUNT(p) FROM Product p"),
    @NamedQuery(name = Product.BY_SKU, query = "SELECT p FROM Product p WHERE LOWER(p.sku) = :sku"),
    @NamedQuery(
            name = Product.TAKE_STOCK,
            query = "UPDATE Product p SET p.stock = p.stock - :quantity" + " WHERE p.id = :id AND p.stock >= :quantity")
})
public class Product {

    public static final String IN_ID_ORDER = "Product.inIdOrder";
    public static final String COUNT = "Product.count";
    /** Parameter {@code sku}: a {@link #skuKey(String)}. */
    public static final String BY_SKU = "Product.bySku";
    /**
     * Takes {@code quantity} out of stock in one statement, and only when that many are left: no row is updated
     * otherwise. The row lock makes concurrent orders wait for each other and re-check the stock they find.
     */
    public static final String TAKE_STOCK = "Product.takeStock";

    public static final int MAX_SKU = 64;
    public static final int MAX_NAME = 255;
    /** Prices are kept as {@code NUMERIC(12,2)}: 10 digits before the point, 2 after. */
    public static final int PRICE_INTEGER_DIGITS = 10;

    public static final int PRICE_FRACTION_DIGITS = 2;

    private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_SKU)
    private String sku;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false)
    private int stock;

    protected Product() {}

    public Product(String sku, String name, BigDecimal price, int stock) {
        this.sku = Objects.requireNonNull(sku, "sku");
        this.name = Objects.requireNonNull(name, "name");
        this.price = validPrice(price);
        this.stock = validStock(stock);
    }

    /**
     * Whether a price can be charged and stored exactly: not negative, at most 2 decimals (trailing zeros do not
     * count: 1.50 and 1.500 are both 1.50) and below ten billion.
     */
    public static boolean isValidPrice(BigDecimal price) {
        return price != null
                && price.signum() >= 0
                && price.stripTrailingZeros().scale() <= PRICE_FRACTION_DIGITS
                && price.compareTo(MAX_PRICE) <= 0;
    }

    /** How SKUs are compared: case-insensitively, as the unique index does. */
    public static String skuKey(String sku) {
        return sku.toLowerCase(Locale.ROOT);
    }

    public void changeSku(String sku) {
        this.sku = Objects.requireNonNull(sku, "sku");
    }

    public void rename(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public void changePrice(BigDecimal price) {
        this.price = validPrice(price);
    }

    /** Sets the stock to what was counted; orders take from it with {@link #TAKE_STOCK}. */
    public void changeStock(int stock) {
        this.stock = validStock(stock);
    }

    public Long id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    /** Always with 2 decimals, as stored and shown: 19.90, not 19.9. */
    public BigDecimal price() {
        return price;
    }

    public int stock() {
        return stock;
    }

    private static BigDecimal validPrice(BigDecimal price) {
        if (!isValidPrice(price)) {
            throw new IllegalArgumentException("Invalid price: " + price);
        }
        return price.setScale(PRICE_FRACTION_DIGITS);
    }

    private static int validStock(int stock) {
        if (stock < 0) {
            throw new IllegalArgumentException("Stock cannot be negative: " + stock);
        }
        return stock;
    }
}
