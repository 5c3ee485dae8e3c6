package dev.lanyard.example.inventory.boundary;

import dev.lanyard.example.inventory.entity.Product;
import dev.lanyard.paging.Page;
import dev.lanyard.paging.PageRequest;
import dev.lanyard.problem.Invalid;
import dev.lanyard.problem.NotFound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Optional;

/** The products for sale: listed to customers and clients, added and changed by admins. */
@Stateless
public class Inventory {

    private static final String SKU_TAKEN = "The sku has already been taken.";

    @PersistenceContext
    EntityManager em;

    public Page<Product> inIdOrder(PageRequest request) {
        return Page.of(
                em.createNamedQuery(Product.IN_ID_ORDER, Product.class),
                em.createNamedQuery(Product.COUNT, Long.class),
                request);
    }

    public Product product(long productId) {
        return Optional.ofNullable(em.find(Product.class, productId))
                .orElseThrow(() -> new NotFound("No such product."));
    }

    public Product add(String sku, String name, BigDecimal price, int stock) {
        requireFreeSku(sku, Optional.empty());
        var product = new Product(sku, name, price, stock);
        em.persist(product);
        flush();
        return product;
    }

    /** Changes what is given and keeps the rest. */
    public Product change(
            long productId,
            Optional<String> sku,
            Optional<String> name,
            Optional<BigDecimal> price,
            Optional<Integer> stock) {
        Product product = product(productId);
        if (sku.isPresent()) {
            requireFreeSku(sku.get(), Optional.of(productId));
            product.changeSku(sku.get());
        }
        name.ifPresent(product::rename);
        price.ifPresent(product::changePrice);
        stock.ifPresent(product::changeStock);
        flush();
        return product;
    }

    private void requireFreeSku(String sku, Optional<Long> except) {
        boolean taken = em.createNamedQuery(Product.BY_SKU, Product.class)
                .setParameter("sku", Product.skuKey(sku))
                .getResultStream()
                .anyMatch(other -> except.map(id -> !id.equals(other.id())).orElse(true));
        if (taken) {
            throw Invalid.field("sku", SKU_TAKEN);
        }
    }

    /**
     * Inside the call, so that the product has its id and a refusal is this call's: two admins adding one SKU at
     * once both pass the check above, and the unique index refuses the second, which {@link dev.lanyard.persistence.UniqueViolation}
     * answers as the check would have.
     */
    private void flush() {
        em.flush();
    }
}
