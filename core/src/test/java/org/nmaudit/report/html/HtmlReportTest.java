package org.nmaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.FindingFixture.line;
import static org.nmaudit.testing.FindingFixture.provider;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Severity;
import org.nmaudit.input.Reject;
import org.nmaudit.report.monthly.AuditReportInputs;
import org.nmaudit.testing.FindingFixture;

/**
 * report.html as a file: self-contained (nothing loaded from anywhere, no script), every section there,
 * and every value from input escaped. ReportInBrowserTest checks the same file in a real browser.
 */
class HtmlReportTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMAGE = "<img src=x onerror=\"alert('2')\">";

    @TempDir
    Path tmp;

    private String write(List<Finding> findings, List<Reject> rejects) throws IOException {
        List<ProviderRatio> ratios = List.of(new ProviderRatio(FindingFixture.NPI, 1, 7, 2, new BigDecimal("900.00")));
        AuditReportInputs inputs = AuditReportInputs.of(FindingFixture.run(LocalDate.parse("2025-12-31"), 12, 10, 2),
                findings, ratios, rejects);
        Path file = tmp.resolve("report.html");
        HtmlReport.write(inputs, file);
        return Files.readString(file);
    }

    private String hostile() throws IOException {
        return write(List.of(
                line("NM-TRIAL-DOC", Severity.HIGH, SCRIPT, 1, "2025-12-03", "100.00", "message " + IMAGE + " & more"),
                provider("NM-RATIO", Severity.HIGH, FindingFixture.NPI, "900.00", "low")),
                List.of(new Reject("claims.csv", 4, "payer_type", IMAGE, "payer_type " + IMAGE + " is not one of X")));
    }

    @Test
    void everyValueFromInputIsEscaped() throws IOException {
        String html = hostile();
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<img"), "no image element");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the claim id as text");
        assertTrue(html.contains("message &lt;img src=x onerror=\"alert('2')\"&gt; &amp; more"),
                () -> html.substring(html.indexOf("message &lt;"), html.indexOf("message &lt;") + 120));
        assertTrue(html.contains("payer_type \u2026 is not one of X"), "the reject's pattern");
    }

    @Test
    void nothingIsLoadedFromElsewhereAndNoScriptCanRun() throws IOException {
        String html = hostile();
        for (String loads : List.of("<link", "@import", "url(", "<script", "<iframe", "<object", "<img")) {
            assertFalse(html.toLowerCase(Locale.ROOT).contains(loads), loads);
        }
        assertFalse(Pattern.compile("<[a-zA-Z][^>]*\\s(src|href|action|srcset)=").matcher(html).find(),
                "no element with an address to load");
        List<String> addresses = new ArrayList<>();
        Matcher m = Pattern.compile("https?://[^\"' )<]+").matcher(html);
        while (m.find()) {
            addresses.add(m.group());
        }
        assertEquals(List.of("http://www.w3.org/2000/svg"), addresses.stream().distinct().toList(),
                "only SVG's namespace name, which is never fetched");
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'\">"), "a policy that lets no script run");
        assertTrue(html.contains("@page"), "print CSS");
    }

    @Test
    void everySectionIsThereAndTheComparisonOnlyWithAPreviousReport() throws IOException {
        String html = hostile();
        List<String> sections = new ArrayList<>();
        Matcher m = Pattern.compile("<section id=\"([a-z-]+)\"").matcher(html);
        while (m.find()) {
            sections.add(m.group(1));
        }
        assertEquals(List.of("key-figures", "rules", "physicians", "trend", "top-lines", "rejects", "run"), sections);
    }

    @Test
    void withoutFindingsOrRejectsTheSectionsSayWhyTheyAreEmpty() throws IOException {
        String html = write(List.of(), List.of());
        assertTrue(html.contains("<p class=\"empty\">No rule raised a finding.</p>"));
        assertTrue(html.contains("<p class=\"empty\">No flagged claim line carries an amount at risk.</p>"));
        assertTrue(html.contains("<p class=\"empty\">No input row was rejected: every row read was audited.</p>"));
        assertTrue(html.contains("<b>0 of 1 physician flagged</b>"), "a ratio with no NM-RATIO finding");
    }
}
