package dev.lanyard.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * A transaction around a piece of a boundary's work, for a boundary method that runs outside any transaction
 * because part of it is slow (a password hash) and must not keep a pooled connection meanwhile. The work's own
 * EntityManager and EJB calls join the transaction; a business exception rolls it back and reaches the caller.
 */
@Stateless
public class Transactions {

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public <T> T required(Supplier<T> work) {
        return work.get();
    }
}
