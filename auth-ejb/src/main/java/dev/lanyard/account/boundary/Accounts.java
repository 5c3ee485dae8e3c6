package dev.lanyard.account.boundary;

import dev.lanyard.account.control.LoginThrottle;
import dev.lanyard.account.control.PasswordRules;
import dev.lanyard.account.control.Passwords;
import dev.lanyard.account.entity.User;
import dev.lanyard.audit.boundary.AuditTrail;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.metrics.control.AuthMetrics;
import dev.lanyard.paging.Page;
import dev.lanyard.paging.PageRequest;
import dev.lanyard.problem.Conflict;
import dev.lanyard.problem.Invalid;
import dev.lanyard.problem.NotFound;
import dev.lanyard.problem.TooManyAttempts;
import dev.lanyard.problem.Unauthenticated;
import dev.lanyard.token.boundary.RevokeReason;
import dev.lanyard.token.boundary.Tokens;
import dev.lanyard.token.entity.Abilities;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Registration, login and the user's own account. */
@Stateless
public class Accounts {

    static final String BAD_CREDENTIALS = "The provided credentials are incorrect.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @EJB
    Tokens tokens;

    @EJB
    AuditTrail audit;

    @Inject
    AuthMetrics metrics;

    private final Clock clock = Clock.systemUTC();

    public Registration register(String name, String email, String password, String confirmation,
            String deviceName) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<String> passwordProblems = PasswordRules.problems(password, confirmation);
        if (!passwordProblems.isEmpty()) {
            errors.put("password", passwordProblems);
        }
        if (findByEmail(email).isPresent()) {
            errors.put("email", List.of("The email has already been taken."));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        var user = new User(name, email.trim(), passwords.hash(password), clock.instant());
        em.persist(user);
        em.flush();
        audit.record(AuditEvent.USER_REGISTERED, user.id(), null);
        return new Registration(user, tokens.issue(user, deviceName, Abilities.all(), null).plainText());
    }

    /**
     * Exchanges email and password for a token named {@code deviceName}. Failures are counted per email and
     * client address, and an unknown email costs the same hash verification as a wrong password.
     */
    public Registration login(String email, String password, String deviceName, String clientAddress) {
        String throttleKey = User.normalizeEmail(email) + "|" + clientAddress;
        var locked = throttle.lockedFor(throttleKey);
        if (locked.isPresent()) {
            throw new TooManyAttempts(locked.getAsLong());
        }
        Optional<User> found = findByEmail(email);
        boolean valid = found.isPresent()
                ? passwords.verify(password, found.get().passwordHash())
                : verifyNothing(password);
        if (!valid) {
            throttle.recordFailure(throttleKey);
            metrics.loginFailed();
            audit.recordRegardless(AuditEvent.LOGIN_FAILED, found.map(User::id).orElse(null),
                    "email=" + User.normalizeEmail(email));
            throw Invalid.field("email", BAD_CREDENTIALS);
        }
        throttle.clear(throttleKey);
        User user = found.get();
        if (passwords.needsRehash(user.passwordHash())) {
            user.changePasswordHash(passwords.hash(password));
        }
        audit.record(AuditEvent.LOGIN_SUCCEEDED, user.id(), "device=" + deviceName);
        metrics.loginSucceeded();
        return new Registration(user, tokens.issue(user, deviceName, Abilities.all(), null).plainText());
    }

    /** Users whose name or email contains {@code search}, by id: the admin's list. */
    public Page<User> users(Optional<String> search, PageRequest request) {
        String pattern = "%" + search.map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("")
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Page.of(em.createNamedQuery(User.SEARCH, User.class).setParameter("pattern", pattern),
                em.createNamedQuery(User.COUNT_SEARCH, Long.class).setParameter("pattern", pattern), request);
    }

    /** Deletes a user with every token of theirs; their orders stay, detached from the account. */
    public void deleteUser(long userId, long actingUserId) {
        if (userId == actingUserId) {
            throw new Conflict("An admin cannot delete their own account.");
        }
        User user = user(userId);
        tokens.revokeAll(user, RevokeReason.USER_DELETED);
        em.remove(user);
        audit.record(AuditEvent.USER_DELETED, userId, "email=" + user.email());
    }

    /**
     * The user a request was authenticated as. Deleted since, their token no longer counts: 401, as the next
     * request would answer anyway.
     */
    public User caller(long userId) {
        return Optional.ofNullable(em.find(User.class, userId))
                .orElseThrow(() -> new Unauthenticated("The account no longer exists."));
    }

    public User user(long userId) {
        return Optional.ofNullable(em.find(User.class, userId)).orElseThrow(() -> new NotFound("No such user."));
    }

    public Optional<User> findByEmail(String email) {
        return em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", User.normalizeEmail(email))
                .getResultStream().findFirst();
    }

    private boolean verifyNothing(String password) {
        passwords.verifyNothing(password);
        return false;
    }
}
