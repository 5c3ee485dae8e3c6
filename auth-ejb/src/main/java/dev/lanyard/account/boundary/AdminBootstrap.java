package dev.lanyard.account.boundary;

import dev.lanyard.account.control.Passwords;
import dev.lanyard.account.entity.User;
import dev.lanyard.token.control.Evictions;
import dev.lanyard.token.entity.Roles;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure the user named by {@code lanyard.admin.email} exists and holds role {@code admin}. Idempotent:
 * an existing user keeps its password and only gains the role, and only once they proved the address is theirs;
 * anyone can register any address, so an unverified account with it stays as it is.
 */
@Stateless
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Evictions evictions;

    @Inject
    Passwords passwords;

    @EJB
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "lanyard.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "lanyard.admin.password")
    Optional<String> password;

    private final Clock clock = Clock.systemUTC();

    public void ensureAdmin() {
        if (email.isEmpty()) {
            return;
        }
        Optional<User> existing = accounts.findByEmail(email.get());
        if (existing.isPresent()) {
            User user = existing.get();
            if (user.emailVerified()) {
                user.grantRole(Roles.ADMIN);
                evictions.owner(user.id());
            } else if (!user.hasRole(Roles.ADMIN)) {
                LOG.log(
                        Level.WARNING,
                        "lanyard.admin.email names {0}, whose account''s address is not verified:"
                                + " it was not made admin. Verify the address from that account, then restart.",
                        email.get());
            }
            return;
        }
        if (password.isEmpty()) {
            LOG.warning("lanyard.admin.email is set but lanyard.admin.password is not: no admin was created");
            return;
        }
        var admin = new User("Administrator", email.get().trim(), passwords.hash(password.get()), clock.instant());
        admin.grantRole(Roles.ADMIN);
        // The operator named this address; there is nobody to send a verification link to.
        admin.markEmailVerified(clock.instant());
        em.persist(admin);
        LOG.log(Level.INFO, "Created the bootstrap admin {0}", email.get());
    }
}
