package org.nmaudit.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The first bytes of a file that are not UTF-8, with the physical line they are on. The decoder that
 * reads a file for parsing fails a whole read-ahead buffer early (the line of its buffer, not of the
 * byte), so when it fails the file is scanned again here, byte for byte.
 *
 * @param line 1-based physical line (a line break is LF, CR LF or CR, as in the CSV files)
 * @param offset 0-based byte offset in the file
 * @param bytes the offending bytes
 * @param before the text of the line before them
 */
record Utf8Fault(long line, long offset, byte[] bytes, String before) {

    /** The first fault of the file, or null when the whole file is UTF-8. */
    static Utf8Fault find(InputFolder folder, String file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        StringBuilder lineText = new StringBuilder();
        long line = 1;
        long consumed = 0;
        boolean afterCr = false;
        boolean end = false;
        try (InputStream stream = folder.open(file)) {
            while (true) {
                if (!end) {
                    int n = stream.read(in.array(), in.position(), in.remaining());
                    if (n < 0) {
                        end = true;
                    } else {
                        in.position(in.position() + n);
                    }
                }
                in.flip();
                int startPosition = in.position();
                CoderResult result = decoder.decode(in, out, end);
                consumed += in.position() - startPosition;
                out.flip();
                while (out.hasRemaining()) {
                    char c = out.get();
                    if (c == '\n' && afterCr) {
                        afterCr = false;
                    } else if (c == '\n' || c == '\r') {
                        line++;
                        lineText.setLength(0);
                        afterCr = c == '\r';
                    } else {
                        afterCr = false;
                        lineText.append(c);
                        if (lineText.length() > 200) {
                            lineText.delete(0, lineText.length() - 100);
                        }
                    }
                }
                out.clear();
                if (result.isError()) {
                    byte[] bad = new byte[result.length()];
                    in.get(bad);
                    return new Utf8Fault(line, consumed, bad, lineText.toString());
                }
                in.compact();
                if (end && result.isUnderflow() && in.position() == 0) {
                    return null;
                }
            }
        }
    }

    /** "0xE9" or "0xC3 0x28". */
    String hex() {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(sb.length() == 0 ? "" : " ").append("0x").append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
        return sb.toString();
    }

    /**
     * What the bytes would be in Windows-1252 (Excel's "CSV" on Windows), the usual reason: "é" for 0xE9;
     * null when that reading gives nothing printable.
     */
    String asWindows1252() {
        String text = new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
        return text.codePoints().allMatch(c -> !Character.isISOControl(c) && c != 0xFFFD) ? text : null;
    }
}
