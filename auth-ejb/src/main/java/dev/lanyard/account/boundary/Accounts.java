package dev.lanyard.account.boundary;

import dev.lanyard.account.control.LoginKeys;
import dev.lanyard.account.control.PasswordRules;
import dev.lanyard.account.control.Passwords;
import dev.lanyard.account.control.SecurityNotices;
import dev.lanyard.account.entity.User;
import dev.lanyard.audit.boundary.AuditTrail;
import dev.lanyard.audit.control.RequestOrigin;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.metrics.control.AuthMetrics;
import dev.lanyard.paging.Page;
import dev.lanyard.paging.PageRequest;
import dev.lanyard.paging.SearchPattern;
import dev.lanyard.persistence.Transactions;
import dev.lanyard.problem.Conflict;
import dev.lanyard.problem.Invalid;
import dev.lanyard.problem.NotFound;
import dev.lanyard.problem.TooManyAttempts;
import dev.lanyard.problem.Unauthenticated;
import dev.lanyard.throttle.control.LoginThrottle;
import dev.lanyard.throttle.control.LoginThrottle.Limit;
import dev.lanyard.throttle.control.RateLimits;
import dev.lanyard.token.boundary.RevokeReason;
import dev.lanyard.token.boundary.SignIn;
import dev.lanyard.token.boundary.TokenIssuer;
import dev.lanyard.token.boundary.Tokens;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    @Inject
    @ConfigProperty(name = "lanyard.login.max-attempts-per-address", defaultValue = "30")
    int maxAttemptsPerAddress;

    @Inject
    @ConfigProperty(name = "lanyard.register.max-attempts", defaultValue = "10")
    int maxRegistrations;

    @Inject
    RequestOrigin origin;

    @EJB
    Transactions transactions;

    @EJB
    Tokens tokens;

    @EJB
    TokenIssuer issuer;

    @EJB
    AuditTrail audit;

    @EJB
    SecondFactor secondFactor;

    @EJB
    EmailVerification emailVerification;

    @Inject
    SecurityNotices notices;

    @Inject
    AuthMetrics metrics;

    private final Clock clock = Clock.systemUTC();

    /**
     * A new user with a first token; a verification link goes to their address. Every attempt counts against the
     * client address ({@code lanyard.register.max-attempts} per decay window), refused ones too, so registration
     * can neither flood inboxes nor probe emails at speed.
     */
    public SignedInUser register(String name, String email, String password, String confirmation, SignIn signIn) {
        RateLimits.count(throttle, new Limit("register-ip|" + origin.ip(), maxRegistrations));
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
        var registration = new SignedInUser(user, issuer.signIn(user, signIn).plainText());
        emailVerification.send(user.id());
        return registration;
    }

    /**
     * Exchanges email and password for an API token or a browser session. Attempts are counted before they are
     * judged, per email and client address ({@code lanyard.login.max-attempts}) and per address across emails
     * ({@code lanyard.login.max-attempts-per-address}, which a success gives back), and an unknown email costs
     * the same hash verification as a wrong password. A user with two-factor on gets a challenge instead.
     *
     * <p>Outside any transaction: the hash takes far longer than the queries, and a login must not hold a pooled
     * connection meanwhile. The throttle, the audit and the sign-in each take a short transaction of their own.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public LoginOutcome login(String email, String password, SignIn signIn, String clientAddress) {
        String emailKey = LoginKeys.perEmail(email, clientAddress);
        String addressKey = LoginKeys.perAddress(clientAddress);
        Optional<User> found;
        boolean valid;
        // A place at the hash gate first: a login the gate turns away costs no count and no query.
        try (Passwords.Turn turn = passwords.turn()) {
            RateLimits.count(
                    throttle,
                    new Limit(emailKey, throttle.maxAttempts()),
                    new Limit(addressKey, maxAttemptsPerAddress));
            found = findByEmail(email);
            // A disabled user's password is still checked, so the answer takes as long as for anyone else.
            valid = found.isPresent()
                    ? turn.verify(password, found.get().passwordHash())
                            && !found.get().isDisabled()
                    : turn.verifyNothing(password);
        }
        if (!valid) {
            metrics.loginFailed();
            audit.recordRegardless(
                    AuditEvent.LOGIN_FAILED, found.map(User::id).orElse(null), "email=" + User.normalizeEmail(email));
            throw Invalid.field("email", BAD_CREDENTIALS);
        }
        throttle.clear(emailKey);
        // Failed logins count per address, so a success gives its own attempt back.
        throttle.refund(List.of(addressKey));
        User user = found.get();
        Optional<String> rehashed = rehash(user, password);
        return transactions.required(() -> completeLogin(user.id(), rehashed, signIn));
    }

    /** The part of a login after the password proved right, in one short transaction. */
    private LoginOutcome completeLogin(long userId, Optional<String> rehashed, SignIn signIn) {
        User user = Optional.ofNullable(em.find(User.class, userId))
                .filter(found -> !found.isDisabled())
                .orElseThrow(() -> Invalid.field("email", BAD_CREDENTIALS));
        rehashed.ifPresent(user::changePasswordHash);
        Optional<String> challenge = secondFactor.challengeIfEnabled(user, signIn);
        if (challenge.isPresent()) {
            return new PendingTwoFactor(challenge.get());
        }
        return new SignedInUser(user, issuer.completeLogin(user, signIn, ""));
    }

    /**
     * Changes the password of the user who proves the current one. Every other token of theirs is revoked (the
     * one the request came with stays), as are pending two-factor logins made with the old password.
     */
    public void changePassword(
            long userId, long callerTokenId, String currentPassword, String password, String confirmation) {
        String throttleKey = "password-change|" + userId;
        RateLimits.count(throttle, throttleKey);
        User user = caller(userId);
        if (currentPassword == null || !passwords.verify(currentPassword, user.passwordHash())) {
            audit.recordRegardless(AuditEvent.PASSWORD_CHANGE_FAILED, userId, null);
            throw Invalid.field("current_password", "The provided password does not match your current password.");
        }
        List<String> problems = PasswordRules.problems(password, confirmation);
        if (!problems.isEmpty()) {
            throw new Invalid(Map.of("password", problems));
        }
        throttle.clear(throttleKey);
        user.changePasswordHash(passwords.hash(password));
        tokens.revokeAllExcept(userId, callerTokenId, RevokeReason.PASSWORD_CHANGE);
        secondFactor.dropChallenges(userId);
        audit.record(AuditEvent.PASSWORD_CHANGED, userId, null);
        notices.tell(user, "Your password was changed and every other session signed out");
    }

    /**
     * Ends the caller's other browser sessions, and with {@code tokensToo} every other API token of theirs, once
     * they prove their password; the request's own token stays. Throttled as the other password checks.
     */
    public int logoutOthers(long userId, long callerTokenId, String currentPassword, boolean tokensToo) {
        String throttleKey = "logout-others|" + userId;
        RateLimits.count(throttle, throttleKey);
        User user = caller(userId);
        if (currentPassword == null || !passwords.verify(currentPassword, user.passwordHash())) {
            throw Invalid.field("current_password", "The provided password does not match your current password.");
        }
        throttle.clear(throttleKey);
        return tokens.endOthers(userId, callerTokenId, tokensToo);
    }

    /**
     * Disables a user, revoking every token and session of theirs and their pending two-factor logins, or enables
     * them again, with none of those back. An admin cannot disable their own account.
     */
    public User setDisabled(long userId, long actingUserId, boolean disabled) {
        if (userId == actingUserId && disabled) {
            throw new Conflict("An admin cannot disable their own account.");
        }
        User user = user(userId);
        if (disabled && !user.isDisabled()) {
            user.disable(clock.instant());
            tokens.revokeAll(user, RevokeReason.USER_DISABLED);
            secondFactor.dropChallenges(userId);
            audit.record(AuditEvent.USER_DISABLED, userId, "email=" + user.email());
        } else if (!disabled && user.isDisabled()) {
            user.enable();
            audit.record(AuditEvent.USER_ENABLED, userId, "email=" + user.email());
        }
        return user;
    }

    /** Ends every token and session of a user, who may sign in again at once. */
    public int logoutEverywhere(long userId) {
        return tokens.revokeAll(user(userId), RevokeReason.LOGOUT_EVERYWHERE);
    }

    /** Users whose name or email contains {@code search}, by id: the admin's list. */
    public Page<User> users(Optional<String> search, PageRequest request) {
        String pattern = SearchPattern.containing(search);
        return Page.of(
                em.createNamedQuery(User.SEARCH, User.class).setParameter("pattern", pattern),
                em.createNamedQuery(User.COUNT_SEARCH, Long.class).setParameter("pattern", pattern),
                request);
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
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream()
                .findFirst();
    }

    /**
     * A hash with the configured algorithm and parameters when the stored one has others (a bcrypt hash becomes an
     * argon2id one); none when the hash gate is full: next time.
     */
    private Optional<String> rehash(User user, String password) {
        if (!passwords.needsRehash(user.passwordHash())) {
            return Optional.empty();
        }
        try {
            return Optional.of(passwords.hash(password));
        } catch (TooManyAttempts busy) {
            return Optional.empty();
        }
    }
}
