package dev.lanyard.it.spa;

import static dev.lanyard.it.support.SpaClient.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Authenticator;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SpaClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Sanctum's SPA mode over HTTP: stateful domains, the CSRF cookie, the session cookie and its rules. */
class SpaSessionIT extends MicroTest {

    private static final String SESSION = "lanyard_session";
    private static final String APP = "https://test.com/app";

    private SpaClient spa(String page) {
        return new SpaClient(api(), page);
    }

    /** A browser on {@code page} signed in as a freshly registered user. */
    private SpaClient signedIn(String page, Accounts.Account account) {
        return SpaClient.signedIn(api(), page, account);
    }

    @Test
    void theCsrfCookieIsReadableByTheAppAndUncached() {
        var reply = api().get("api/csrf-cookie").header("Referer", APP).send();

        assertThat(reply.status()).isEqualTo(204);
        String cookie = setCookie(reply, "XSRF-TOKEN");
        assertThat(cookie)
                .contains("Path=/")
                .contains("SameSite=Lax")
                .doesNotContain("HttpOnly")
                .doesNotContain("Secure");
        assertThat(reply.header("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aStateChangingSpaRequestWithoutTheHeaderIs419() {
        var account = new Accounts(api()).register();

        var withoutHeader = spa(APP).withCsrfCookie().withoutXsrfHeader().login(account.email(), Accounts.PASSWORD);
        var withoutCookie = spa(APP).login(account.email(), Accounts.PASSWORD);
        var forged =
                spa(APP).cookie("XSRF-TOKEN", "Zm9yZ2Vk.guest.c2lnbmF0dXJl").login(account.email(), Accounts.PASSWORD);

        for (var reply : java.util.List.of(withoutHeader, withoutCookie, forged)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(419);
            assertThat(reply.json().getString("message")).isEqualTo("CSRF token mismatch.");
            assertThat(SpaClient.setCookies(reply)).noneMatch(c -> c.startsWith(SESSION));
        }
        assertThat(spa(APP).withCsrfCookie()
                        .login(account.email(), Accounts.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void bearerTokenCallsNeedNoCsrfTokenEvenFromAStatefulPage() {
        var account = new Accounts(api()).register();

        var reply = api().post("api/tokens", Json.of("name", "from the app's page"))
                .bearer(account.token())
                .header("Referer", APP)
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    /** Over HTTPS, behind a proxy this server trusts, the cookie is Secure: ClusterIT shows it through nginx. */
    @Test
    void sessionCookieIsHttpOnlyLaxAndNotSecureOverPlainHttpWhateverAnUntrustedClientClaims() {
        var account = new Accounts(api()).register();
        var plain = spa(APP).withCsrfCookie();
        var claimingHttps = spa(APP).withCsrfCookie();

        String cookie = setCookie(plain.login(account.email(), Accounts.PASSWORD), SESSION);
        String claimed = setCookie(
                claimingHttps.send(
                        api().post("api/spa/login", Json.of("email", account.email(), "password", Accounts.PASSWORD))
                                .header("X-Forwarded-Proto", "https")),
                SESSION);

        assertThat(cookie)
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Path=/")
                .doesNotContain("Secure");
        assertThat(claimed).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void theSessionWorksFromStatefulDomainsOnly() {
        var account = new Accounts(api()).register();
        String cookie = signedIn(APP, account).cookie(SESSION).orElseThrow();

        assertThat(userStatus(spa("https://test.com/"), cookie)).isEqualTo(200);
        assertThat(userStatus(spa("https://foobar.test.com/dashboard"), cookie)).isEqualTo(200);
        assertThat(userStatus(spa("https://test.com.x/"), cookie)).isEqualTo(401);
        assertThat(userStatus(spa("https://evil.example/test.com/"), cookie)).isEqualTo(401);
        var byOrigin = api().get("api/user")
                .header("Origin", "https://foobar.test.com")
                .header("Cookie", SESSION + "=" + cookie)
                .send();
        assertThat(byOrigin.status()).isEqualTo(200);
        var noPage =
                api().get("api/user").header("Cookie", SESSION + "=" + cookie).send();
        assertThat(noPage.status()).isEqualTo(401);
    }

    @Test
    void aLoginStartsANewSessionAndEndsTheOldOne() {
        var account = new Accounts(api()).register();
        SpaClient browser = signedIn(APP, account);
        String first = browser.cookie(SESSION).orElseThrow();

        var again = browser.login(account.email(), Accounts.PASSWORD);
        String second = browser.cookie(SESSION).orElseThrow();

        assertThat(again.status()).isEqualTo(200);
        assertThat(second).isNotEqualTo(first);
        assertThat(userStatus(spa(APP), first)).isEqualTo(401);
        assertThat(userStatus(spa(APP), second)).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() {
        var account = new Accounts(api()).register();
        SpaClient browser = signedIn(APP, account);
        String cookie = browser.cookie(SESSION).orElseThrow();
        assertThat(browser.send(api().get("api/user")).status()).isEqualTo(200);

        var logout = browser.send(api().post("api/spa/logout"));

        assertThat(logout.status()).as(logout.toString()).isEqualTo(200);
        assertThat(setCookie(logout, SESSION)).startsWith(SESSION + "=;").contains("Max-Age=0");
        assertThat(browser.cookie(SESSION)).isEmpty();
        assertThat(userStatus(spa(APP), cookie)).isEqualTo(401);
    }

    @Test
    void aSessionIsNoApiTokenAndIsNotListedAsOne() {
        var account = new Accounts(api()).register();
        SpaClient browser = signedIn(APP, account);
        String secret = URLDecoder.decode(browser.cookie(SESSION).orElseThrow(), StandardCharsets.UTF_8);

        assertThat(api().get("api/user").bearer(secret).send().status()).isEqualTo(401);
        var tokens = browser.send(api().get("api/tokens"));
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.json().getJsonArray("tokens")).hasSize(1);
        assertThat(browser.send(api().post("api/token/refresh")).status()).isEqualTo(403);
    }

    @Test
    void aBearerTokenWinsOverTheSession() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        var bob = accounts.register();
        SpaClient annsBrowser = signedIn(APP, ann);

        var asBob = annsBrowser.send(api().get("api/user").bearer(bob.token()));
        var badBearer = annsBrowser.send(api().get("api/user").bearer("1|not-a-token"));

        assertThat(asBob.status()).isEqualTo(200);
        assertThat(asBob.json().getString("email")).isEqualTo(bob.email());
        assertThat(badBearer.status()).isEqualTo(401);
    }

    @Test
    void aSessionPassesAbilityChecksButNotRoleChecks() {
        var account = new Accounts(api()).register();
        SpaClient browser = signedIn(APP, account);
        SpaClient admin = spa(APP).withCsrfCookie();
        assertThat(admin.login(Admin.EMAIL, Admin.PASSWORD).status()).isEqualTo(200);

        var post = browser.send(api().post("api/posts", Json.of("title", "From the app", "body", "Hello.")));
        assertThat(post.status()).as(post.toString()).isEqualTo(201);
        assertThat(browser.send(api().get("api/posts")).status()).isEqualTo(200);
        assertThat(browser.send(api().get("api/admin/users")).status()).isEqualTo(403);
        assertThat(admin.send(api().get("api/admin/users")).status()).isEqualTo(200);
    }

    @Test
    void logoutEverywhereEndsSessionsToo() {
        var account = new Accounts(api()).register();
        SpaClient laptop = signedIn(APP, account);
        SpaClient phone = signedIn(APP, account);

        assertThat(laptop.send(api().post("api/logout-all")).status()).isEqualTo(200);

        assertThat(phone.send(api().get("api/user")).status()).isEqualTo(401);
        assertThat(laptop.send(api().get("api/user")).status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(account.token()).send().status())
                .isEqualTo(401);
    }

    @Test
    void theSpaEndpointsRefusePagesOfOtherDomains() {
        var account = new Accounts(api()).register();

        var reply = spa("https://elsewhere.example/").withCsrfCookie().login(account.email(), Accounts.PASSWORD);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(SpaClient.setCookies(reply)).noneMatch(c -> c.startsWith(SESSION));
    }

    @Test
    void registeringInTheAppSignsIn() {
        SpaClient browser = spa(APP).withCsrfCookie();
        String email = Accounts.uniqueEmail();

        var reply = browser.send(api().post(
                        "api/spa/register",
                        Json.of(
                                "name",
                                "Ann",
                                "email",
                                email,
                                "password",
                                Accounts.PASSWORD,
                                "password_confirmation",
                                Accounts.PASSWORD)));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getJsonObject("user").getString("email")).isEqualTo(email);
        assertThat(reply.body()).doesNotContain("token");
        assertThat(browser.send(api().get("api/user")).json().getString("email"))
                .isEqualTo(email);
    }

    @Test
    void aPasswordChangeElsewhereEndsOtherSessions() {
        var account = new Accounts(api()).register();
        String cookie = signedIn(APP, account).cookie(SESSION).orElseThrow();
        String newPassword = "a brand new passphrase 42";

        var change = api().put(
                        "api/user/password",
                        Json.of(
                                "current_password",
                                Accounts.PASSWORD,
                                "password",
                                newPassword,
                                "password_confirmation",
                                newPassword))
                .bearer(account.token())
                .send();

        assertThat(change.status()).as(change.toString()).isEqualTo(200);
        assertThat(userStatus(spa(APP), cookie)).isEqualTo(401);
        assertThat(api().get("api/user").bearer(account.token()).send().status())
                .isEqualTo(200);
    }

    @Test
    void withTwoFactorOnTheSessionOpensOnlyOnceTheCodeIsMet() {
        var account = new Accounts(api()).register();
        var enabled = api().post("api/user/two-factor-authentication", Json.of("password", Accounts.PASSWORD))
                .bearer(account.token())
                .send();
        var app = new Authenticator(enabled.json().getString("secret"));
        long step = Authenticator.stepNow();
        assertThat(api().post("api/user/confirmed-two-factor-authentication", Json.of("code", app.code(step)))
                        .bearer(account.token())
                        .send()
                        .status())
                .isEqualTo(200);
        SpaClient browser = spa(APP).withCsrfCookie();

        var login = browser.login(account.email(), Accounts.PASSWORD);

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().getBoolean("two_factor")).isTrue();
        assertThat(browser.cookie(SESSION)).isEmpty();
        String challenge = login.json().getString("challenge");
        var asApiToken = api().post(
                        "api/two-factor-challenge", Json.of("challenge", challenge, "code", app.code(step + 1)))
                .send();
        assertThat(asApiToken.status())
                .as("a session's challenge yields no API token")
                .isEqualTo(422);
        var met = browser.send(api().post(
                        "api/spa/two-factor-challenge", Json.of("challenge", challenge, "code", app.code(step + 1))));
        assertThat(met.status()).as(met.toString()).isEqualTo(200);
        assertThat(met.json().getJsonObject("user").getString("email")).isEqualTo(account.email());
        assertThat(browser.cookie(SESSION)).isPresent();
        assertThat(browser.send(api().get("api/user")).status()).isEqualTo(200);
    }

    private int userStatus(SpaClient browser, String sessionCookie) {
        return browser.cookie(SESSION, sessionCookie)
                .send(api().get("api/user"))
                .status();
    }
}
