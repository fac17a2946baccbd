package org.nmaudit.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium and chromedriver (apt-get install chromium chromium-driver), started headless with a
 * fresh profile and nothing that reaches the network on its own. Both are looked up on the PATH and given
 * to Selenium explicitly, so Selenium Manager never tries to download a browser or a driver.
 */
public final class HeadlessChromium {
    private static final String[] BROWSERS = {"chromium", "chromium-browser", "google-chrome"};

    private HeadlessChromium() {
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    public static Optional<String> missing() {
        if (browser().isEmpty()) {
            return Optional.of("no chromium on the PATH (apt-get install chromium chromium-driver)");
        }
        if (onPath("chromedriver").isEmpty()) {
            return Optional.of("no chromedriver on the PATH (apt-get install chromium-driver)");
        }
        return Optional.empty();
    }

    /** A headless browser whose console messages can be read back (logs().get(LogType.BROWSER)). */
    public static ChromeDriver start(Path profile) throws IOException {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser().orElseThrow().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1100,1400");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(onPath("chromedriver").orElseThrow().toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> browser() {
        for (String name : BROWSERS) {
            Optional<Path> p = onPath(name);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The Chrome DevTools command's result, for emulating print media and page sizes. */
    public static Map<String, Object> cdp(ChromeDriver driver, String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }
}
