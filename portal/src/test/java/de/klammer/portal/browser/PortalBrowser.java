package de.klammer.portal.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page object for the portal in headless Chromium: sign in as a demo user through the in-process OIDC provider,
 * create a proposal, approve it. Each instance is a fresh browser profile, so one instance is one user.
 */
public class PortalBrowser implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final Path profileDirectory;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private PortalBrowser(String baseUrl, Path profileDirectory, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profileDirectory = profileDirectory;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    /**
     * Starts headless Chromium with a fresh profile. The binaries come from the system properties
     * {@code klammer.chromium.binary} and {@code klammer.chromedriver.binary}, by default Debian's.
     */
    public static PortalBrowser open(String baseUrl) throws IOException {
        Path profile = Files.createTempDirectory("klammer-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("klammer.chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("klammer.chromedriver.binary", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        return new PortalBrowser(baseUrl, profile, new ChromeDriver(service, options));
    }

    /** Signs in through the authority's provider as the user, typing only the user name, and waits for the portal. */
    public void signIn(String authorityCode, String username) {
        driver.get(baseUrl + "/");
        click(By.id("sign-in-" + authorityCode));
        WebElement usernameField = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
        usernameField.sendKeys(username);
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("current-user")),
                ExpectedConditions.presenceOfElementLocated(By.id("access-denied-view"))));
    }

    /** Chooses the interface language by its name in that language, for example {@code English}, and waits for the reload. */
    public void switchLanguage(String languageName) {
        WebElement oldPage = find(By.tagName("body"));
        click(By.id("language-select"));
        click(By.xpath("//vaadin-select-item[normalize-space(.)='" + languageName + "']"));
        wait.until(ExpectedConditions.stalenessOf(oldPage));
        find(By.id("language-select"));
    }

    /** Opens the new-proposal form, previews and submits the change; returns the new proposal's reference. */
    public String createProposal(String title, String rationale, String policyPath, String policyText) {
        driver.get(baseUrl + "/proposals/new");
        type(By.cssSelector("#proposal-title input"), title);
        type(By.cssSelector("#proposal-rationale textarea"), rationale);
        type(By.cssSelector("#proposal-legal-basis input"), "Art. 6(1)(e) GDPR");
        choose(By.id("proposal-policy-path"), policyPath);
        type(By.cssSelector("#proposal-policy-text input"), policyText);
        click(By.id("preview-proposal"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-required-signatures")));
        click(By.id("submit-proposal"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-details-view")));
        return find(By.cssSelector("#proposal-details-view h1")).getText().split(" ")[0];
    }

    /** Opens a portal page by path, for example {@code /channel}. */
    public void openPage(String path) {
        driver.get(baseUrl + path);
    }

    /** Opens the proposal with the reference from the proposals list. */
    public void openProposal(String reference) {
        driver.get(baseUrl + "/");
        click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + reference + "']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-details-view")));
    }

    /** Approves the open proposal and waits until the page shows the result. */
    public void approve() {
        click(By.id("approve-proposal"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("approve-proposal")));
    }

    /** Types a reason and votes no on the open proposal; the page either shows an error or the new status. */
    public void voteNo(String reason) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vote-reason textarea")));
        field.clear();
        field.sendKeys(reason);
        click(By.id("vote-no"));
    }

    /**
     * Downloads what a link on the page points to, with the browser's session cookies, and returns the HTTP status and
     * body.
     */
    public Download download(By link) throws IOException, InterruptedException {
        String href = find(link).getDomAttribute("href");
        URI uri = URI.create(baseUrl + "/").resolve(href);
        String cookies = driver.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(uri).header("Cookie", cookies).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body());
        }
    }

    /**
     * Chooses a file in a Vaadin upload, the way a user's file dialog would, which starts the upload. The file input
     * sits in the component's shadow root when it is not in its light DOM.
     */
    public void uploadFile(By upload, Path file) {
        WebElement component = find(upload);
        List<WebElement> inputs = component.findElements(By.cssSelector("input[type=file]"));
        WebElement input = inputs.isEmpty()
                ? component.getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                : inputs.getFirst();
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /** An HTTP response of {@link #download}. */
    public record Download(int status, byte[] body) {}

    /** Reloads the proposal shown, for example after the ledger submitter ran. */
    public void refreshProposal() {
        click(By.id("refresh-proposal"));
    }

    /** Waits until one of the two elements exists and returns whether it was the first. */
    public boolean awaitFirstOf(By first, By second) {
        wait.until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(first),
                ExpectedConditions.presenceOfElementLocated(second)));
        return !driver.findElements(first).isEmpty();
    }

    /** Returns the elements present now, without waiting; empty when there are none. */
    public java.util.List<org.openqa.selenium.WebElement> elements(By locator) {
        return driver.findElements(locator);
    }

    /** Waits until the element shows exactly this text, for example a status after a server round trip. */
    public void awaitText(By locator, String expected) {
        wait.until(ExpectedConditions.textToBe(locator, expected));
    }

    /**
     * Waits until the element shows some text and returns it. For a field that the server fills after the element
     * appears, such as a summary written when a check ends.
     */
    public String awaitAnyText(By locator) {
        return new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(page -> {
            String text = page.findElement(locator).getText();
            return text.isBlank() ? null : text;
        });
    }

    /** Waits until the element's visible text contains the text, for example a status line after a filter. */
    public void awaitTextContaining(By locator, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, expected));
    }

    /** Returns the visible text of the element, waiting until it exists. */
    public String text(By locator) {
        return find(locator).getText();
    }

    /** Returns the path of the current page, for example {@code /proposals/new}. */
    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Returns the WebDriver, for steps that drive the browser directly: axe checks and keyboard input. */
    public WebDriver driver() {
        return driver;
    }

    /**
     * Waits until Vaadin has no server round trip in progress, so that a check reads the page the server last sent.
     * Flow's client registers itself under {@code window.Vaadin.Flow.clients}, and its {@code isActive()} is true
     * while a request or a queued UI update is pending.
     */
    public void awaitIdle() {
        try {
            wait.until(page -> Boolean.TRUE.equals(driver.executeScript(
                    "const flow = window.Vaadin && window.Vaadin.Flow;"
                            + "return !!flow && !!flow.clients"
                            + " && Object.values(flow.clients).every(client => !client.isActive());")));
        } catch (TimeoutException e) {
            throw new AssertionError("Vaadin did not become idle on " + driver.getCurrentUrl() + ", page source: "
                    + driver.getPageSource(), e);
        }
    }

    /** Saves a PNG screenshot of the page, for looking at failures. */
    public Path screenshot(Path target) throws IOException {
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        return target;
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profileDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to delete the browser profile " + profileDirectory, e);
        }
    }

    private WebElement find(By locator) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** Clicks the element once it is clickable. */
    public void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /** Types into a combo box, clicks the item with exactly that label once the server has sent it, and waits. */
    public void choose(By comboBoxLocator, String itemLabel) {
        WebElement comboBox = find(comboBoxLocator);
        comboBox.findElement(By.tagName("input")).sendKeys(itemLabel);
        click(By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + itemLabel + "']"));
        wait.until(driver -> comboBox.getDomAttribute("opened") == null && comboBox.getDomAttribute("has-value") != null);
    }

    /** Types the text into the element once it is clickable. */
    public void type(By locator, String text) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).sendKeys(text);
    }

    /**
     * Selects a file in a Vaadin upload, which starts the upload. The upload keeps its file input in its shadow root,
     * and ChromeDriver sets files on a hidden file input.
     */
    public void upload(By uploadLocator, Path file) {
        WebElement upload = find(uploadLocator);
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
    }
}
