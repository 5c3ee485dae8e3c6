package dev.lanyard.it.spa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Accounts.Account;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.SuiteDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The token manager in a real browser, a screenshot of every screen under {@code target/screenshots}; and Swagger
 * UI at {@code /api-docs/}, where a token pasted under "Authorize" calls the API.
 */
class TokenManagerBrowserIT extends BrowserTest {

    @Test
    void registerCreateUseAndRevokeATokenInTheBrowser() throws SQLException {
        browser.get(base.toString());
        heading("Sign in");
        screenshot("01-sign-in");

        click(By.linkText("Create an account"));
        heading("Create your account");
        screenshot("02-register");
        String email = Accounts.uniqueEmail();
        type("name", "Ada Lovelace");
        type("email", email);
        type("password", Accounts.PASSWORD);
        type("password_confirmation", Accounts.PASSWORD);
        click(By.cssSelector("button[type=submit]"));

        heading("Welcome back, Ada");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".activity"), "Account created"));
        screenshot("03-dashboard");

        click(By.linkText("API tokens"));
        heading("API tokens");
        // The abilities offered are the server's (GET /api/abilities) that a user's token can use.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=abilities]")));
        assertThat(browser.findElements(By.cssSelector("input[name=abilities]")))
                .extracting(box -> box.getAttribute("value"))
                .containsExactly("read:posts", "create:posts", "update:posts", "delete:posts", "read:inventory");
        type("name", "deploy script");
        // Past the suite's policy of 365 days: the form says so at the field, and keeps what was typed.
        setDate("expires_at", LocalDate.now().plusDays(400));
        click(By.cssSelector("input[name=abilities][value='create:posts']"));
        click(By.xpath("//button[normalize-space()='Create token']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("input[name=expires_at] + .error"), "within 365 days"));
        assertThat(browser.findElement(By.name("expires_at")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        screenshot("04-expiry-past-the-policy");
        setDate("expires_at", LocalDate.now().plusDays(90));
        click(By.xpath("//button[normalize-space()='Create token']"));
        String token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")))
                .getDomProperty("value");
        assertThat(token).matches("\\d+\\|lny_[A-Za-z0-9]{48}");
        click(By.xpath("//button[normalize-space()='Copy']"));
        wait.until(ExpectedConditions.textToBe(By.xpath("//section[@class='secret']//button[1]"), "Copied"));
        screenshot("05-token-created");

        var post = api().post("api/posts", Json.of("title", "By script", "body", "Posted with the new token."))
                .bearer(token)
                .send();
        assertThat(post.status()).as(post.toString()).isEqualTo(201);

        // As if the script had called three minutes ago, so the list shows how it words a past time. The use is
        // written in the background, so that write comes first.
        String id = token.substring(0, token.indexOf('|'));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> SuiteDatabase.number(
                                "SELECT count(*) FROM access_tokens WHERE last_used_at IS NOT NULL AND id = " + id)
                        == 1);
        SuiteDatabase.update("UPDATE access_tokens SET last_used_at = now() - interval '3 minutes' WHERE id = " + id);
        browser.navigate().refresh();
        heading("API tokens");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[td/span[normalize-space()='deploy script']]")));
        assertThat(browser.findElements(By.id("new-token")))
                .as("the token is shown once")
                .isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(token.substring(token.indexOf('|') + 1));
        var cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(1).getText()).contains("read:posts", "create:posts");
        assertThat(cells.get(2).getText()).as("created").matches("just now|1 minute ago");
        // When, from where and with what: the script was this test's own HTTP client.
        assertThat(cells.get(3).getText())
                .as("last used")
                .startsWith("3 minutes ago\nfrom ")
                .containsPattern("from [0-9a-f.:]+\n")
                .contains("Java-http-client/");
        assertThat(cells.get(4).getText()).as("expires").isEqualTo("in 3 months");
        screenshot("06-tokens");

        click(By.cssSelector("button[aria-label='Edit abilities of deploy script']"));
        WebElement edit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        screenshot("07-edit-abilities");
        edit.findElement(By.cssSelector("input[value='create:posts']")).click();
        edit.findElement(By.xpath(".//button[normalize-space()='Save abilities']"))
                .click();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                api().post("api/posts", Json.of("title", "Again", "body", "Not any more."))
                                        .bearer(token)
                                        .send()
                                        .status())
                        .isEqualTo(403));
        assertThat(api().get("api/posts").bearer(token).send().status()).isEqualTo(200);

        click(By.cssSelector("button[aria-label='Revoke deploy script']"));
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertThat(confirm.getText()).contains("Revoke “deploy script”?");
        screenshot("08-revoke-confirm");
        confirm.findElement(By.xpath(".//button[normalize-space()='Revoke token']"))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//tr[td/span[normalize-space()='deploy script']]")));
        assertThat(api().get("api/posts").bearer(token).send().status()).isEqualTo(401);

        click(By.xpath("//button[normalize-space()='Log out everywhere']"));
        WebElement everywhere =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        screenshot("09-log-out-everywhere");
        everywhere
                .findElement(By.xpath(".//button[normalize-space()='Log out everywhere']"))
                .click();
        heading("Sign in");
        browser.navigate().refresh();
        heading("Sign in");

        type("email", Admin.EMAIL);
        type("password", Admin.PASSWORD);
        click(By.cssSelector("button[type=submit]"));
        heading("Welcome back");
        click(By.linkText("Admin"));
        heading("Admin");
        // The suite's database holds many users by now: find ours the way an admin would.
        type("search", email + Keys.ENTER);
        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.xpath("//section[@aria-labelledby='users-title']//tbody/tr"), 1));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), email));
        By userRow = By.xpath("//section[@aria-labelledby='users-title']//tbody/tr");

        click(By.cssSelector("button[aria-label='Disable " + email + "']"));
        WebElement disable = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        disable.findElement(By.xpath(".//button[normalize-space()='Disable user']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(userRow, "Disabled"));
        screenshot("11-admin-user-disabled");
        var refused = api().post("api/login", Json.of("email", email, "password", Accounts.PASSWORD))
                .send();
        assertThat(refused.status()).as("a disabled user cannot sign in").isEqualTo(422);
        click(By.cssSelector("button[aria-label='Enable " + email + "']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(userRow, "Active"));
        var login = api().post("api/login", Json.of("email", email, "password", Accounts.PASSWORD))
                .send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);

        click(By.cssSelector("button[aria-label='Sign out " + email + " everywhere']"));
        WebElement signOut = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        signOut.findElement(By.xpath(".//button[normalize-space()='Sign out everywhere']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Signed out everywhere"));
        assertThat(api().get("api/user")
                        .bearer(login.json().getString("token"))
                        .send()
                        .status())
                .isEqualTo(401);

        String client = "storefront " + System.nanoTime();
        // A client's token is offered what a client can use, introspection among it; "admin" is for people.
        assertThat(browser.findElements(By.cssSelector(".client-form input[name=abilities]")))
                .extracting(box -> box.getAttribute("value"))
                .containsExactly("read:inventory", "introspect");
        type("name", client);
        click(By.xpath("//button[normalize-space()='Create client']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".secret"), "Client “" + client + "” created"));
        String firstToken = browser.findElement(By.cssSelector("input[aria-label='The client token']"))
                .getDomProperty("value");
        screenshot("12-admin");

        // The clients list is searchable too; a client's tokens open under its row, to rotate or revoke.
        type("client-search", client + Keys.ENTER);
        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.xpath("//section[@aria-labelledby='clients-title']//tbody/tr"), 1));
        click(By.cssSelector("button[aria-label='Tokens of client " + client + "']"));
        click(By.xpath("//tr[@class='client-tokens']//button[normalize-space()='Rotate']"));
        WebElement rotate = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        rotate.findElement(By.xpath(".//button[normalize-space()='Rotate token']"))
                .click();
        String rotated = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("input[aria-label='The new client token']")))
                .getDomProperty("value");
        screenshot("13-admin-client-token-rotated");
        assertThat(api().get("api/inventory").bearer(firstToken).send().status())
                .isEqualTo(401);
        assertThat(api().get("api/inventory").bearer(rotated).send().status()).isEqualTo(200);

        // The audit trail, filtered as an admin looking into one user would.
        long userId = api().get("api/admin/users?search=" + email)
                .bearer(Admin.token(api()))
                .send()
                .json()
                .getJsonArray("data")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        type("audit-type", "user.disabled");
        type("audit-user", String.valueOf(userId));
        click(By.xpath("//section[@aria-labelledby='audit-title']//button[normalize-space()='Filter']"));
        By auditRows = By.xpath("//section[@aria-labelledby='audit-title']//tbody/tr");
        wait.until(ExpectedConditions.numberOfElementsToBe(auditRows, 1));
        assertThat(browser.findElement(auditRows).getText()).contains("user.disabled", "email=" + email);
        screenshot("14-admin-audit");
    }

    @Test
    void swaggerUiCallsTheApiWithThePastedToken() {
        Account account = new Accounts(api()).register();
        var page = api().get("api-docs/").header("Accept", "text/html").send();
        assertThat(page.status()).isEqualTo(200);
        // The UI's policy, plus the data: images of Swagger UI's stylesheet; still no inline script.
        assertThat(page.header("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self';", "img-src 'self' data:;", "connect-src 'self';")
                .doesNotContain("unsafe-inline", "unsafe-eval");

        // By another name of the host than the one Payara writes into the document: the calls go where the page
        // came from, the only origin its policy lets it call.
        browser.get(base.toString().replace("//localhost:", "//127.0.0.1:") + "api-docs/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"), "Lanyard"));
        String getUser = "//div[contains(@class, 'opblock-get')][.//*[@data-path='/api/user']]";
        click(By.xpath(getUser + "//button[contains(@class, 'opblock-summary-control')]"));
        click(By.xpath(getUser + "//button[contains(@class, 'try-out__btn')]"));
        String response = getUser + "//table[contains(@class, 'live-responses-table')]/tbody/tr";
        By status = By.xpath(response + "/td[contains(@class, 'response-col_status')]");
        By details = By.xpath(response + "/td[contains(@class, 'response-col_description')]");

        click(By.xpath(getUser + "//button[contains(@class, 'execute')]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "401"));
        assertThat(browser.findElement(details).getText()).doesNotContain(account.email());
        screenshot("15-api-docs-without-token");

        click(By.cssSelector(".auth-wrapper button.authorize"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("auth-bearer-value")))
                .sendKeys(account.token());
        click(By.cssSelector(".auth-btn-wrapper button.authorize"));
        click(By.cssSelector(".auth-btn-wrapper button.btn-done"));
        click(By.xpath(getUser + "//button[contains(@class, 'execute')]"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "200"));
        assertThat(browser.findElement(details).getText()).contains("\"email\": \"" + account.email() + "\"");
        screenshot("16-api-docs-get-user");
    }
}
