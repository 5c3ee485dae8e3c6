package dev.lanyard.example.order.boundary;

import dev.lanyard.account.boundary.Accounts;
import dev.lanyard.example.inventory.entity.Product;
import dev.lanyard.example.order.entity.CustomerOrder;
import dev.lanyard.paging.Page;
import dev.lanyard.paging.PageRequest;
import dev.lanyard.problem.Conflict;
import dev.lanyard.problem.Invalid;
import dev.lanyard.problem.NotFound;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** Customers place orders and read their own; nobody reads another customer's orders. */
@Stateless
public class Orders {

    public static final String UNKNOWN_PRODUCT = "The selected product id is invalid.";

    @PersistenceContext
    EntityManager em;

    @EJB
    Accounts accounts;

    private final Clock clock = Clock.systemUTC();

    /**
     * Takes the quantity out of stock and records the order, in one transaction. The stock is checked and taken
     * by one conditional UPDATE, never read and written back: of two orders for the last unit, the second waits
     * for the first's row lock, then finds no stock left and is refused, and a failure after the UPDATE puts the
     * stock back with the rollback.
     */
    public CustomerOrder place(long customerId, long productId, int quantity) {
        int taken = em.createNamedQuery(Product.TAKE_STOCK)
                .setParameter("id", productId)
                .setParameter("quantity", quantity)
                .executeUpdate();
        Product product = em.find(Product.class, productId);
        if (product == null) {
            throw Invalid.field("product_id", UNKNOWN_PRODUCT);
        }
        if (taken == 0) {
            throw new Conflict("Not enough stock of " + product.sku() + ": " + quantity + " ordered, " + product.stock()
                    + " left.");
        }
        var order = new CustomerOrder(accounts.caller(customerId), product, quantity, clock.instant());
        em.persist(order);
        em.flush();
        return order;
    }

    public Page<CustomerOrder> ofCustomer(long customerId, PageRequest request) {
        return Page.of(
                em.createNamedQuery(CustomerOrder.OF_CUSTOMER, CustomerOrder.class)
                        .setParameter("customer", customerId),
                em.createNamedQuery(CustomerOrder.COUNT_OF_CUSTOMER, Long.class).setParameter("customer", customerId),
                request);
    }

    /** One of the customer's orders; another customer's is answered as if it did not exist. */
    public CustomerOrder ofCustomer(long customerId, long orderId) {
        CustomerOrder order = em.find(CustomerOrder.class, orderId);
        if (order == null || !order.isPlacedBy(customerId)) {
            throw new NotFound("No such order.");
        }
        return order;
    }
}
