package dev.lanyard.it.spa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Authenticator;
import dev.lanyard.it.support.SuiteMail;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The account-security screens in a real browser: a password change, two-factor from setup to a sign-in with a
 * code and back off, a forgotten password reset through the link of a real mail, and the browser sessions.
 */
class AccountSecurityBrowserIT extends BrowserTest {

    private static final String CHANGED = "a brand new passphrase 4";
    private static final String RESET = "reset through the mail 8";

    @Test
    void changePasswordTurnTwoFactorOnAndOffAndResetAForgottenPassword() {
        var ann = new Accounts(api()).register();
        browser.get(base.toString());
        signIn(ann.email(), Accounts.PASSWORD);
        heading("Welcome back");

        click(By.linkText("Security"));
        heading("Account security");
        assertThat(text("section[aria-labelledby='email-title']")).contains(ann.email(), "Not verified");
        click(By.xpath("//button[normalize-space()='Resend verification email']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section[aria-labelledby='email-title'] [role=status]"),
                "A new verification link has been sent to your email address."));
        screenshot("10-account-security");

        type("current_password", "not my password");
        type("password", CHANGED);
        type("password_confirmation", CHANGED);
        click(By.xpath("//button[normalize-space()='Change password']"));
        wait.until(ExpectedConditions.textToBe(
                errorOf(By.name("current_password")), "The provided password does not match your current password."));
        type("current_password", Accounts.PASSWORD);
        type("password", CHANGED);
        type("password_confirmation", CHANGED);
        click(By.xpath("//button[normalize-space()='Change password']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section[aria-labelledby='password-title'] [role=status]"), "signed out"));
        assertThat(api().get("api/user").bearer(ann.token()).send().status())
                .as("the other token")
                .isEqualTo(401);
        screenshot("11-password-changed");

        click(By.xpath("//button[normalize-space()='Turn on two-factor authentication']"));
        WebElement enableDialog =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        enableDialog.findElement(By.name("password")).sendKeys("not my password");
        enableDialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(
                errorOf(By.cssSelector("dialog[open] input[name=password]")), "The provided password is incorrect."));
        enableDialog.findElement(By.name("password")).clear();
        enableDialog.findElement(By.name("password")).sendKeys(CHANGED);
        enableDialog
                .findElement(By.xpath(".//button[normalize-space()='Continue']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("two-factor-title"), "Set up two-factor authentication"));
        String secret = browser.findElement(By.id("two-factor-secret")).getDomProperty("value");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(browser.findElement(By.partialLinkText("authenticator app")).getDomAttribute("href"))
                .startsWith("otpauth://totp/Lanyard:")
                .contains("secret=" + secret);
        assertThat(browser.findElements(By.cssSelector(".codes li"))).hasSize(10);
        screenshot("12-two-factor-setup");
        var app = new Authenticator(secret);
        type("code", app.wrongCode());
        click(By.xpath("//button[normalize-space()='Confirm and turn on']"));
        wait.until(ExpectedConditions.textToBe(
                errorOf(By.name("code")), "The provided two factor authentication code was invalid."));
        long confirmedStep = Authenticator.stepNow();
        type("code", app.code(confirmedStep));
        click(By.xpath("//button[normalize-space()='Confirm and turn on']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section[aria-labelledby='two-factor-title']"), "10 of 10 recovery codes left"));
        assertThat(browser.getPageSource()).doesNotContain(secret);
        screenshot("13-two-factor-on");
        declineToSignOutElsewhere();

        click(By.xpath("//button[normalize-space()='Sign out']"));
        heading("Sign in");
        signIn(ann.email(), CHANGED);
        heading("Two-factor authentication");
        screenshot("14-two-factor-challenge");
        click(By.xpath("//button[normalize-space()='Use a recovery code']"));
        type("recovery_code", "not-a-code");
        click(By.cssSelector("button[type=submit]"));
        wait.until(ExpectedConditions.textToBe(
                errorOf(By.name("recovery_code")), "The provided two factor recovery code was invalid."));
        screenshot("15-two-factor-recovery-code");
        click(By.xpath("//button[normalize-space()='Use a code from your authenticator app']"));
        // The confirmation spent its step's code; the next step's is within the server's window of ±1 step.
        type("code", app.code(Math.max(confirmedStep + 1, Authenticator.stepNow())));
        click(By.cssSelector("button[type=submit]"));
        heading("Welcome back");

        click(By.linkText("Security"));
        heading("Account security");
        click(By.xpath("//button[normalize-space()='Regenerate recovery codes']"));
        WebElement regenerateDialog =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        regenerateDialog.findElement(By.name("password")).sendKeys(CHANGED);
        regenerateDialog
                .findElement(By.xpath(".//button[normalize-space()='Regenerate codes']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("two-factor-title"), "Your new recovery codes"));
        assertThat(browser.findElements(By.cssSelector(".codes li"))).hasSize(10);
        screenshot("16-new-recovery-codes");
        click(By.xpath("//button[normalize-space()='I have saved them']"));

        click(By.xpath("//section[@aria-labelledby='two-factor-title']//button[normalize-space()='Turn off']"));
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        WebElement password = dialog.findElement(By.name("password"));
        password.sendKeys("not my password");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(
                errorOf(By.cssSelector("dialog[open] input[name=password]")), "The provided password is incorrect."));
        screenshot("17-turn-off-two-factor");
        password.clear();
        password.sendKeys(CHANGED);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section[aria-labelledby='two-factor-title'] .badge"), "Off"));
        declineToSignOutElsewhere();

        click(By.xpath("//button[normalize-space()='Sign out']"));
        heading("Sign in");
        click(By.linkText("Forgot your password?"));
        heading("Forgot your password?");
        screenshot("18-forgot-password");
        type("email", ann.email());
        click(By.cssSelector("button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("main [role=status]"),
                "If that email address is registered, we have emailed a password reset link."));
        screenshot("19-reset-link-sent");

        String link = SuiteMail.awaitMail(ann.email(), "Reset your password").link();
        assertThat(link).startsWith(SuiteMail.appUrl() + "reset-password?token=");
        browser.get(link);
        heading("Choose a new password");
        assertThat(browser.getCurrentUrl())
                .as("the token leaves the address bar")
                .doesNotContain("token=")
                .endsWith("/#/reset-password");
        assertThat(browser.findElement(By.name("email")).getDomProperty("value"))
                .isEqualTo(ann.email());
        type("password", RESET);
        type("password_confirmation", RESET);
        screenshot("20-reset-password");
        click(By.cssSelector("button[type=submit]"));
        heading("Sign in");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("toasts"), "Your password has been reset. Log in with the new one."));
        signIn(ann.email(), RESET);
        heading("Welcome back");
    }

    /**
     * Two browsers of one user: each sees both sessions; the first ends the second, which is signed out on its next
     * request; then "sign out everywhere else" with the tokens ends the user's API token and keeps this browser.
     */
    @Test
    void aUserSeesTheirBrowsersAndEndsTheOther() throws Exception {
        var ann = new Accounts(api()).register();
        WebDriver phone = newBrowser();
        var phoneWait = new WebDriverWait(phone, Duration.ofSeconds(30));
        phone.get(base.toString());
        phoneWait
                .until(ExpectedConditions.visibilityOfElementLocated(By.name("email")))
                .sendKeys(ann.email());
        phone.findElement(By.name("password")).sendKeys(Accounts.PASSWORD);
        phone.findElement(By.cssSelector("button[type=submit]")).click();
        phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome back"));

        browser.get(base.toString());
        signIn(ann.email(), Accounts.PASSWORD);
        heading("Welcome back");
        click(By.linkText("Security"));
        heading("Account security");
        By rows = By.cssSelector("section[aria-labelledby='sessions-title'] tbody tr");
        wait.until(ExpectedConditions.numberOfElementsToBe(rows, 2));
        assertThat(browser.findElements(rows))
                .filteredOn(row -> row.getText().contains("This browser"))
                .hasSize(1);
        screenshot("21-browser-sessions");

        click(By.xpath("//section[@aria-labelledby='sessions-title']//button[normalize-space()='End session']"));
        wait.until(ExpectedConditions.numberOfElementsToBe(rows, 1));
        phone.navigate().refresh();
        phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Sign in"));

        click(By.xpath("//button[normalize-space()='Sign out everywhere else']"));
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        dialog.findElement(By.name("current_password")).sendKeys(Accounts.PASSWORD);
        dialog.findElement(By.name("tokens")).click();
        screenshot("22-sign-out-everywhere-else");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertThat(api().get("api/user").bearer(ann.token()).send().status())
                .as("the API token")
                .isEqualTo(401);
        browser.navigate().refresh();
        heading("Account security");
    }

    /** After a change of the second factor the page offers to sign out everywhere else; these tests decline. */
    private void declineToSignOutElsewhere() {
        By offer = By.xpath("//dialog[@open][.//h2[normalize-space()="
                + "'Two-factor authentication changed. Sign out everywhere else?']]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(offer))
                .findElement(By.xpath(".//button[normalize-space()='Cancel']"))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog[open]")));
    }

    private void signIn(String email, String password) {
        type("email", email);
        type("password", password);
        click(By.cssSelector("button[type=submit]"));
    }

    private String text(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)))
                .getText();
    }

    /** The error element an input names in its aria-describedby. */
    private By errorOf(By input) {
        return By.id(
                wait.until(ExpectedConditions.presenceOfElementLocated(input)).getDomAttribute("aria-describedby"));
    }
}
