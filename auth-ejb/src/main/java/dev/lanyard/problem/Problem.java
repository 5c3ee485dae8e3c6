package dev.lanyard.problem;

import jakarta.ejb.ApplicationException;

/**
 * A request the business rules refuse. Each kind maps to one status of the error contract; as an application
 * exception it reaches the caller unwrapped and rolls the transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class Problem extends RuntimeException {

    protected Problem(String message) {
        super(message, null, false, false);
    }
}
