package org.nmaudit.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * The XML of findings.xlsx's rows as POI's SXSSF writes them, with text escaped by a loop over the
 * characters instead of POI's own: POI 5 walks every string through a code-point stream, one
 * {@code Character.toChars} array per character, and that was about 40% of the workbook thread's samples on
 * the 1M-line audit (22,317 findings of 100-character messages). The output is the same character for
 * character ({@code SheetXmlTest} compares both on every kind of character).
 */
final class SheetXml {
    private SheetXml() {
    }

    /** SXSSF's workbook with its sheets' rows written through {@link #escape}. */
    static final class Workbook extends SXSSFWorkbook {
        Workbook(int rowWindow, boolean compressTemporaryFiles) {
            super(null, rowWindow, compressTemporaryFiles, false);
        }

        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return isCompressTempFiles() ? new Gzipped() : new Plain();
        }

        /**
         * The .xlsx zip deflated at the fastest level rather than the default: the Findings sheet's XML is about
         * 1 KB a finding, and deflating it was the largest part of the workbook's time, which ends the audit's write
         * phase. The file is about a fifth larger; a spreadsheet reads it the same.
         */
        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }

    /** Rows to a plain temporary file. */
    static final class Plain extends SheetDataWriter {
        Plain() throws IOException {
            super();
        }

        @Override
        protected void outputEscapedString(String s) throws IOException {
            escape(s, _out);
        }
    }

    /** Rows to a gzipped temporary file (a large report). */
    static final class Gzipped extends GZIPSheetDataWriter {
        Gzipped() throws IOException {
            super();
        }

        @Override
        protected void outputEscapedString(String s) throws IOException {
            escape(s, _out);
        }
    }

    /**
     * Text as POI's {@code SheetDataWriter.outputEscapedString} writes it: the XML specials as entities, line
     * breaks, tabs and the no-break space as character references, other control characters and U+FFFE/U+FFFF
     * (which XML cannot hold) as '?', everything else (surrogate pairs too) as it is.
     */
    static void escape(String s, Writer out) throws IOException {
        if (s == null) {
            return;
        }
        int length = s.length();
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            String replacement;
            switch (c) {
                case '<' -> replacement = "&lt;";
                case '>' -> replacement = "&gt;";
                case '&' -> replacement = "&amp;";
                case '"' -> replacement = "&quot;";
                case '\n' -> replacement = "&#xa;";
                case '\r' -> replacement = "&#xd;";
                case '\t' -> replacement = "&#x9;";
                case '\u00A0' -> replacement = "&#xa0;";
                default -> replacement = c < ' ' || c >= '\uFFFE' ? "?" : null;
            }
            if (replacement != null) {
                out.write(s, plainFrom, i - plainFrom);
                out.write(replacement);
                plainFrom = i + 1;
            }
        }
        out.write(s, plainFrom, length - plainFrom);
    }
}
