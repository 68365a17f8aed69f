package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The review site of the shipped project in a real browser: Debian's headless chromium driven by
 * chromedriver through Selenium, pages opened from file://. Skips when chromium or chromedriver is
 * not installed (.ci/run installs them). With {@code -Drpmoverlay.screenshots=DIR} it also saves
 * the screenshots docs/review.md shows.
 */
class ReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String REPO = Path.of("").toAbsolutePath().toString();

  @TempDir static Path tmp;
  private static WebDriver browser;
  private static Path site;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): apt-get install chromium chromium-driver");
    site = tmp.resolve("site");
    CliRun r = CliRun.of("-C", REPO, "report", "-o", site.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static void openIndex() {
    browser.get(site.resolve("index.html").toUri().toString());
  }

  private static long visibleRows() {
    return browser.findElements(By.cssSelector("#components tbody tr")).stream().filter(WebElement::isDisplayed).count();
  }

  @Test
  void searchKeepsOnlyMatchingComponents() {
    openIndex();

    browser.findElement(By.id("search")).sendKeys("ngin");

    assertThat(visibleRows()).isEqualTo(1);
    long components = CliRun.of("-C", REPO, "list").out().lines().count();
    assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("1 of " + components + " shown");
  }

  @Test
  void typeFilterKeepsOnlyComponentsWithThatOverlayType() {
    openIndex();

    choose("f-type", "file-rename");

    assertThat(browser.findElements(By.cssSelector("#components tbody tr")).stream().filter(WebElement::isDisplayed)
        .map(e -> e.getAttribute("data-name")).toList()).containsExactly("nginx");
  }

  @Test
  void aComponentPageLabelsEachHunkWithItsOverlay() throws Exception {
    openIndex();
    browser.findElement(By.linkText("nginx")).click();

    String heads = browser.findElements(By.cssSelector(".hunk-head")).stream().map(WebElement::getText).reduce("", String::concat);
    assertThat(heads).contains("overlay #1 spec-search-replace [azl-branding-policy]: Require Lumen's logos for the default test page",
        "components/nginx/nginx.comp.toml:7:1");
    screenshot("report-component.png");
  }

  @Test
  void sideBySideShowsUpstreamLeftAndRenderedRight() {
    browser.get(site.resolve("c/nginx.html").toUri().toString());
    assertThat(browser.findElement(By.cssSelector("table.split-view")).isDisplayed()).isFalse();

    browser.findElement(By.id("view-split")).click();

    assertThat(browser.findElement(By.cssSelector("table.unified-view")).isDisplayed()).isFalse();
    WebElement row = browser.findElements(By.cssSelector("table.split-view tr")).stream()
        .filter(r -> r.getText().contains("lumen-logos-httpd")).findFirst().orElseThrow();
    assertThat(row.findElement(By.cssSelector("td.code.removed")).getText()).contains("system-logos-httpd");
    assertThat(row.findElement(By.cssSelector("td.code.added")).getText()).contains("lumen-logos-httpd");
  }

  @Test
  void categoryFilterKeepsComponentsWithThatCategory() throws Exception {
    openIndex();
    choose("f-category", "azl-security-compliance");
    assertThat(visibleRows()).isPositive();
    screenshot("report-index.png");
  }

  /** Picks an option of a filter as a user does, by clicking it (what Selenium's Select does). */
  private static void choose(String select, String option) {
    browser.findElement(By.xpath("//select[@id='" + select + "']/option[text()='" + option + "']")).click();
  }

  /** Saves a screenshot into -Drpmoverlay.screenshots=DIR when set (how docs/images was made). */
  private static void screenshot(String name) throws Exception {
    String dir = System.getProperty("rpmoverlay.screenshots");
    if (dir != null) {
      Path png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.createDirectories(Path.of(dir));
      Files.copy(png, Path.of(dir).resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
