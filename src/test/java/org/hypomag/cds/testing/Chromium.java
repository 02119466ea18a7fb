package org.hypomag.cds.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests. Installs {@code chromium} and {@code chromium-driver} with
 * apt-get when they are missing (CI runs as root) and fails, never skips, when they still are not there. Both
 * paths are named, so Selenium Manager never tries to download a browser or driver. A test class that needs one
 * browser for all its tests registers a {@link Session}.
 */
public final class Chromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    public static void ensureInstalled() throws IOException, InterruptedException {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            run(List.of("apt-get", "update"), 10);
            run(List.of("apt-get", "install", "-y", "chromium", "chromium-driver"), 20);
        }
        assertTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "browser test needs " + BROWSER + " and " + DRIVER + " (apt-get install -y chromium chromium-driver)");
    }

    private static void run(List<String> command, int minutes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + minutes + " min");
        }
    }

    public static ChromeDriver start(Path userDataDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1400,1000",
                "--user-data-dir=" + userDataDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /**
     * One headless Chromium for a whole test class, its profile in a new temporary directory:
     * {@code @RegisterExtension static final Chromium.Session BROWSER = new Chromium.Session("x-chromium");}
     * installs and starts it before the first test and quits it after the last.
     */
    public static final class Session implements BeforeAllCallback, AfterAllCallback {

        private final String profilePrefix;
        private ChromeDriver driver;

        public Session(String profilePrefix) {
            this.profilePrefix = profilePrefix;
        }

        public ChromeDriver driver() {
            return driver;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            ensureInstalled();
            driver = start(Files.createTempDirectory(profilePrefix));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (driver != null) {
                driver.quit();
                driver = null;
            }
        }
    }
}
