package dev.lanyard.it.spa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.SuiteDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The token manager in a real browser, a screenshot of every screen under {@code target/screenshots}. */
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
        type("name", "deploy script");
        String expiry = LocalDate.now().plusDays(90).toString();
        // Date inputs take keys in the browser's locale format; the value is what the form submits.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.name("expires_at")), expiry);
        click(By.cssSelector("input[name=abilities][value='create:posts']"));
        click(By.xpath("//button[normalize-space()='Create token']"));
        String token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")))
                .getDomProperty("value");
        assertThat(token).matches("\\d+\\|lny_[A-Za-z0-9]{48}");
        click(By.xpath("//button[normalize-space()='Copy']"));
        wait.until(ExpectedConditions.textToBe(By.xpath("//section[@class='secret']//button[1]"), "Copied"));
        screenshot("04-token-created");

        var post = api().post("api/posts", Json.of("title", "By script", "body", "Posted with the new token."))
                .bearer(token).send();
        assertThat(post.status()).as(post.toString()).isEqualTo(201);

        // As if the script had called three minutes ago, so the list shows how it words a past time. The use is
        // written in the background, so that write comes first.
        String id = token.substring(0, token.indexOf('|'));
        await().atMost(Duration.ofSeconds(30)).until(() -> SuiteDatabase.number(
                "SELECT count(*) FROM access_tokens WHERE last_used_at IS NOT NULL AND id = " + id) == 1);
        SuiteDatabase.update("UPDATE access_tokens SET last_used_at = now() - interval '3 minutes' WHERE id = " + id);
        browser.navigate().refresh();
        heading("API tokens");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[td/span[normalize-space()='deploy script']]")));
        assertThat(browser.findElements(By.id("new-token"))).as("the token is shown once").isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(token.substring(token.indexOf('|') + 1));
        var cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(1).getText()).contains("read:posts", "create:posts");
        assertThat(cells.get(2).getText()).as("created").matches("just now|1 minute ago");
        assertThat(cells.get(3).getText()).as("last used").isEqualTo("3 minutes ago");
        assertThat(cells.get(4).getText()).as("expires").isEqualTo("in 3 months");
        screenshot("05-tokens");

        click(By.cssSelector("button[aria-label='Edit abilities of deploy script']"));
        WebElement edit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        screenshot("06-edit-abilities");
        edit.findElement(By.cssSelector("input[value='create:posts']")).click();
        edit.findElement(By.xpath(".//button[normalize-space()='Save abilities']")).click();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api().post("api/posts",
                Json.of("title", "Again", "body", "Not any more.")).bearer(token).send().status()).isEqualTo(403));
        assertThat(api().get("api/posts").bearer(token).send().status()).isEqualTo(200);

        click(By.cssSelector("button[aria-label='Revoke deploy script']"));
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertThat(confirm.getText()).contains("Revoke “deploy script”?");
        screenshot("07-revoke-confirm");
        confirm.findElement(By.xpath(".//button[normalize-space()='Revoke token']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//tr[td/span[normalize-space()='deploy script']]")));
        assertThat(api().get("api/posts").bearer(token).send().status()).isEqualTo(401);

        click(By.xpath("//button[normalize-space()='Log out everywhere']"));
        WebElement everywhere = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("dialog[open]")));
        screenshot("08-log-out-everywhere");
        everywhere.findElement(By.xpath(".//button[normalize-space()='Log out everywhere']")).click();
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
        type("name", "storefront");
        click(By.xpath("//button[normalize-space()='Create client']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".secret"),
                "Client “storefront” created"));
        screenshot("09-admin");
    }
}
