package dev.lanyard.it.account;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * New hashes are argon2id at OWASP's minimum; a user whose hash is still bcrypt (as every hash was before) signs in
 * as ever, and that login replaces the hash with an argon2id one.
 */
class PasswordHashingIT extends MicroTest {

    private static final String ARGON2ID_AT_THE_DEFAULTS = "$argon2id$v=19$m=19456,t=2,p=1$";

    @Test
    void registrationStoresAnArgon2idHash() throws SQLException {
        var account = new Accounts(api()).register();

        assertThat(storedHash(account.id()))
                .startsWith(ARGON2ID_AT_THE_DEFAULTS)
                .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void aBcryptHashStillSignsInAndIsReplacedByAnArgon2idOne() throws SQLException {
        var account = new Accounts(api()).register();
        String bcrypt = bcrypt(Accounts.PASSWORD);
        storeHash(account.id(), bcrypt);

        var wrong = api().post("api/login", Json.of("email", account.email(), "password", "not the password"))
                .send();
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
        assertThat(storedHash(account.id()))
                .as("a failed login re-hashes nothing")
                .isEqualTo(bcrypt);

        var login = api().post("api/login", Json.of("email", account.email(), "password", Accounts.PASSWORD))
                .send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String rehashed = storedHash(account.id());
        assertThat(rehashed).startsWith(ARGON2ID_AT_THE_DEFAULTS);

        var again = api().post("api/login", Json.of("email", account.email(), "password", Accounts.PASSWORD))
                .send();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(storedHash(account.id())).as("a current hash is kept").isEqualTo(rehashed);
    }

    @Test
    void aBcryptHashOfAPasswordBeyond72BytesStillSignsIn() throws SQLException {
        var account = new Accounts(api()).register();
        String longPassword = "ü".repeat(60) + "-the-end";
        storeHash(account.id(), bcrypt(longPassword));

        var differentTail = api().post(
                        "api/login", Json.of("email", account.email(), "password", "ü".repeat(60) + "-THE-END"))
                .send();
        assertThat(differentTail.status()).as(differentTail.toString()).isEqualTo(422);
        var login = api().post("api/login", Json.of("email", account.email(), "password", longPassword))
                .send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(storedHash(account.id())).startsWith(ARGON2ID_AT_THE_DEFAULTS);
    }

    /** A hash as Lanyard made them before argon2id: bcrypt 2b at cost 12, SHA-512 first beyond 72 bytes. */
    private static String bcrypt(String password) {
        var version = BCrypt.Version.VERSION_2B;
        return BCrypt.with(version, LongPasswordStrategies.hashSha512(version))
                .hashToString(12, password.toCharArray());
    }

    private static void storeHash(long userId, String hash) throws SQLException {
        try (var connection = SuiteDatabase.current().connect();
                var update = connection.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            update.setString(1, hash);
            update.setLong(2, userId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String storedHash(long userId) throws SQLException {
        try (var connection = SuiteDatabase.current().connect();
                var select = connection.prepareStatement("SELECT password_hash FROM users WHERE id = ?")) {
            select.setLong(1, userId);
            try (var rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }
}
