package org.nmaudit.report.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nmaudit.report.monthly.AuditReportInputs;
import org.nmaudit.report.monthly.ReportFigures;

/**
 * report.html: the monthly report a compliance officer reads and mails, one self-contained file (inline
 * CSS and SVG, no script, no network), written from the jte templates in src/main/jte. jte escapes every
 * value for its place in the HTML, so nothing read from input becomes markup; a Content-Security-Policy
 * that allows no script at all backs that up.
 */
public final class HtmlReport {
    public static final String FILE_NAME = "report.html";

    /** The templates were compiled with the code (jte-maven-plugin), in this package; none is compiled at run time. */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlReport.class.getClassLoader(), "org.nmaudit.report.html.templates");

    private HtmlReport() {
    }

    public static void write(AuditReportInputs inputs, Path file) throws IOException {
        write(ReportFigures.of(inputs), file);
    }

    /** Writes the report from figures already worked out (findings.xlsx's writer takes the same). */
    public static void write(ReportFigures figures, Path file) throws IOException {
        ReportView view = ReportViewBuilder.build(figures);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            TEMPLATES.render("report.jte", view, new WriterOutput(out));
        }
    }
}
