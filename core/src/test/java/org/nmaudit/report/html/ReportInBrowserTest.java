package org.nmaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.input.DataFolder.claim;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Scope;
import org.nmaudit.input.DataFolder;
import org.nmaudit.report.monthly.AuditReportInputs;
import org.nmaudit.report.monthly.ReportPeriod;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.HeadlessChromium;
import org.nmaudit.testing.InProcessAudit;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * report.html as a reader's browser shows it: the sample audit's report opened in headless Chromium
 * (Debian's chromium and chromedriver; skipped, with the reason, where they are not installed). Checks
 * the sections, the charts' bars and threshold line against the audit's CSV files, that input is shown
 * as text and never run, and that the page fits A4 and Letter when printed. Screenshots and the printed
 * PDFs are kept in core/target/report-screenshots/.
 */
class ReportInBrowserTest {
    static final Path KEPT = Path.of("core", "target", "report-screenshots");
    static final List<String> SECTIONS = List.of("key-figures", "rules", "physicians", "trend", "top-lines", "rejects",
            "run");
    static final Map<String, String> HEADINGS = new LinkedHashMap<>();

    static {
        HEADINGS.put("key-figures", "Key figures");
        HEADINGS.put("rules", "Findings by rule");
        HEADINGS.put("physicians", "Physicians: trial-to-permanent conversion");
        HEADINGS.put("trend", "Trend: the last 12 months");
        HEADINGS.put("top-lines", "The claim lines with the most money at risk");
        HEADINGS.put("rejects", "Rejected input rows");
        HEADINGS.put("run", "The run");
    }

    @TempDir
    static Path tmp;
    static ChromeDriver browser;
    static Path sample;

    @BeforeAll
    static void start() throws IOException {
        if (HeadlessChromium.missing().isPresent()) {
            // Said here and per test (below): an assumption failing in @BeforeAll shows as 0 tests run.
            System.err.println("ReportInBrowserTest skipped: " + HeadlessChromium.missing().get());
            return;
        }
        sample = tmp.resolve("sample");
        CliRun run = CliRun.of("audit", "data/sample", "--out", sample.toString());
        assertEquals(5, run.exitCode(), run::toString);
        Files.createDirectories(KEPT);
        browser = HeadlessChromium.start(tmp.resolve("profile"));
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(browser != null, () -> "skipped: " + HeadlessChromium.missing().orElse("no browser"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Opens the file and returns what the page wrote to the console at warning level or above. */
    private static List<String> open(Path report) {
        browser.manage().window().setSize(new Dimension(1100, 1400));
        browser.get(report.toUri().toString());
        List<String> problems = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                problems.add(e.getLevel() + " " + e.getMessage());
            }
        }
        return problems;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file))).getRecords();
    }

    private static List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** Saves a screenshot of the whole page. */
    private static Path screenshot(String name) throws IOException {
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1100, (int) height));
        Path shot = KEPT.resolve(name);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        return shot;
    }

    @Test
    void theSampleReportOpensWithoutConsoleErrorsAndShowsEverySection() throws IOException {
        assertEquals(List.of(), open(sample.resolve("report.html")));
        assertEquals("Neuromodulation billing audit as of 31 Dec 2025", browser.getTitle());
        for (String id : SECTIONS) {
            WebElement section = browser.findElement(By.id(id));
            assertTrue(section.isDisplayed(), id);
            assertEquals(HEADINGS.get(id), section.findElement(By.tagName("h2")).getText().trim(), id);
        }
        assertEquals(List.of(), all("#changes"), "no --previous, no comparison");
        assertEquals(0L, browser.executeScript("return document.scripts.length"));
        assertEquals("589", browser.findElement(By.cssSelector("#figure-findings .value")).getText());
        assertEquals(Integer.toString(csv(sample.resolve("findings.csv")).size()),
                browser.findElement(By.cssSelector("#figure-findings .value")).getText());
        assertEquals("33", browser.findElement(By.cssSelector("#figure-rows-rejected .value")).getText());
        assertEquals(20, all("#top-lines tr.top-line").size());
        assertEquals(List.of("BLOCKER 5", "HIGH 259", "MEDIUM 321", "LOW 0", "INFO 4"),
                all("#key-figures [data-severity]").stream().map(WebElement::getText).toList());

        Path shot = screenshot("sample-report.png");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1100, image.getWidth());
        assertTrue(image.getHeight() > 3000, "the whole page, not the first screen: " + image.getHeight());
    }

    @Test
    void theChartsDrawOneBarPerRuleAndPhysicianAndTheThresholdAtItsValue() throws IOException {
        open(sample.resolve("report.html"));
        List<CSVRecord> findings = csv(sample.resolve("findings.csv"));
        Set<String> rules = new TreeSet<>();
        findings.forEach(f -> rules.add(f.get("rule_id")));
        assertEquals(rules.size(), all("#rules svg rect[data-role=bar]").size());
        List<CSVRecord> ratios = csv(sample.resolve("provider-ratios.csv"));
        assertEquals(ratios.size(), all("#physicians svg rect[data-role=bar]").size());
        long flagged = ratios.stream().filter(r -> r.get("flagged").equals("true")).count();
        assertEquals(6, flagged);
        assertEquals(flagged, all("#physicians svg rect.flagged").size());
        assertEquals(flagged, all("#physicians svg text.flagged").size());
        assertEquals(12, all("#trend-counts rect[data-role=bar]").size());
        assertEquals(12, all("#trend-amounts rect[data-role=bar]").size());

        List<WebElement> threshold = all("#physicians svg line[data-role=threshold]");
        assertEquals(1, threshold.size());
        double zero = x(all("#physicians svg line.axis").get(0));
        List<WebElement> grid = all("#physicians svg line.grid");
        double full = x(grid.get(grid.size() - 1));
        double at = (x(threshold.get(0)) - zero) / (full - zero);
        assertEquals(0.50, at, 0.005, "ratio_threshold = 0.50 is halfway along the 0-100% axis");

        // the longest physician bar is the highest ratio: 100% reaches the end of the axis
        double longest = 0;
        for (WebElement bar : all("#physicians svg rect[data-role=bar]")) {
            longest = Math.max(longest, width(bar));
        }
        assertEquals(full - zero, longest, 1.0);
    }

    private static double x(WebElement line) {
        return ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().left", line)).doubleValue();
    }

    private static double width(WebElement e) {
        return ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().width", e)).doubleValue();
    }

    @Test
    void aClaimIdThatIsAScriptIsShownAsText() throws IOException {
        String script = "<script>alert(1)</script>";
        String image = "<img src=x onerror=alert(2)>";
        Path data = tmp.resolve("hostile");
        DataFolder.in(data).claims(
                claim(script, "1").set("patient_id", image).set("cpt_code", "63685").set("service_date", "2025-02-20")
                        .set("place_of_service", "24").set("billed_amount", "29617.00").toString(),
                claim("C2", "1").set("payer_type", "<b>BCBS</b>").toString());
        Path out = tmp.resolve("hostile-report");
        CliRun run = CliRun.of("audit", data.toString(), "--out", out.toString());
        assertEquals(5, run.exitCode(), run::toString);

        assertEquals(List.of(), open(out.resolve("report.html")));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertEquals(0L, browser.executeScript("return document.scripts.length"));
        assertEquals(0L, browser.executeScript("return document.images.length"));
        assertEquals(script, browser.findElement(By.cssSelector("#top-lines .claim")).getText());
        assertTrue(browser.findElement(By.cssSelector("#top-lines tr.top-line")).getText().contains(image));
        assertEquals("<b>BCBS</b>", browser.findElement(By.cssSelector("#rejects td.values")).getText());
        assertEquals(0, all("#rejects b").size(), "the value's tags are text, not markup");
        screenshot("hostile-report.png");
    }

    @Test
    void thePageFitsTheWidthOfA4AndLetterWhenPrinted() throws IOException {
        open(sample.resolve("report.html"));
        HeadlessChromium.cdp(browser, "Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            // the printable width at the report's @page margins of 12 mm on either side, at 96 px per inch
            Map<String, Double> printable = Map.of("A4", (210 - 24) / 25.4 * 96, "Letter", (215.9 - 24) / 25.4 * 96);
            for (Map.Entry<String, Double> paper : printable.entrySet()) {
                int width = (int) Math.floor(paper.getValue());
                HeadlessChromium.cdp(browser, "Emulation.setDeviceMetricsOverride", Map.of("width", width,
                        "height", 1000, "deviceScaleFactor", 1, "mobile", false));
                long scroll = (Long) browser.executeScript("return document.documentElement.scrollWidth");
                assertEquals(width, scroll, paper.getKey() + ": nothing wider than the printable width");
            }
        } finally {
            HeadlessChromium.cdp(browser, "Emulation.clearDeviceMetricsOverride", Map.of());
            HeadlessChromium.cdp(browser, "Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        for (Map.Entry<String, PageSize> paper : Map.of("a4", PageSize.ISO_A4, "letter", PageSize.US_LETTER)
                .entrySet()) {
            PrintOptions options = new PrintOptions();
            options.setPageSize(paper.getValue());
            Pdf pdf = browser.print(options);
            byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
            assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
            Files.write(KEPT.resolve("sample-report-" + paper.getKey() + ".pdf"), bytes);
        }
    }

    @Test
    void aPeriodReportMarksItsMonthsAndComparesWithThePreviousReport() throws Exception {
        InProcessAudit audit = InProcessAudit.of(Path.of("data/sample"));
        ReportPeriod december = ReportPeriod.of(YearMonth.of(2025, 12));
        List<Finding> every = audit.result().findings().all();
        List<Finding> reported = every.stream()
                .filter(f -> f.scope() == Scope.PROVIDER || december.contains(f.serviceDate())).toList();
        List<Finding> lines = every.stream().filter(f -> f.scope() == Scope.LINE).toList();
        long decemberLines = audit.data().claimLines().stream()
                .filter(l -> december.contains(l.getServiceDate())).count();
        AuditReportInputs inputs = AuditReportInputs.of(audit.run(), reported, audit.result().ratios(),
                audit.data().rejects()).withPeriod(december).withAllLineFindings(lines).withLinesAudited(decemberLines)
                .withPrevious(sample);
        Path report = tmp.resolve("period").resolve("report.html");
        Files.createDirectories(report.getParent());
        HtmlReport.write(inputs.withPrevious(null), report);
        assertEquals(List.of(), open(report));
        assertEquals("Neuromodulation billing audit, December 2025", browser.getTitle());
        assertEquals(1, all("#trend-counts rect.reported").size(), "December");
        assertEquals(11, all("#trend-counts rect.history").size());
        assertEquals(Long.toString(reported.size()),
                browser.findElement(By.cssSelector("#figure-findings .value")).getText());
        assertEquals(String.format(java.util.Locale.US, "%,d", decemberLines),
                browser.findElement(By.cssSelector("#figure-lines-audited .value")).getText());
        assertEquals(List.of(), all("#changes"));
        // docs/report-screenshot.png is the top of this screenshot
        screenshot("sample-report-2025-12.png");

        HtmlReport.write(inputs, report);
        assertEquals(List.of(), open(report));
        WebElement changes = browser.findElement(By.id("changes"));
        assertEquals("Since the previous report", changes.findElement(By.tagName("h2")).getText());
        long outside = every.stream().filter(f -> f.scope() == Scope.LINE && !december.contains(f.serviceDate()))
                .count();
        assertTrue(changes.getText().contains(": 0 new ("), "the same data and rules: nothing new");
        assertTrue(changes.getText().contains(outside + " still found on lines before this period"),
                changes.getText());
        screenshot("sample-report-2025-12-previous.png");
    }
}
