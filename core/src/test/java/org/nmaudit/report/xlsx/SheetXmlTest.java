package org.nmaudit.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;

/** {@link SheetXml#escape} writes text exactly as POI's own SheetDataWriter does. */
class SheetXmlTest {
    /** POI's escaping, reached through its protected method. */
    private static final class PoiEscaping extends SheetDataWriter {
        PoiEscaping(StringWriter out) throws IOException {
            super(out);
        }

        String escaped(String s) throws IOException {
            outputEscapedString(s);
            _out.flush();
            return _out.toString();
        }
    }

    private static String poi(String s) throws IOException {
        try (PoiEscaping w = new PoiEscaping(new StringWriter())) {
            return w.escaped(s);
        }
    }

    private static String ours(String s) throws IOException {
        StringWriter out = new StringWriter();
        SheetXml.escape(s, out);
        return out.toString();
    }

    @Test
    void escapesTheXmlSpecialsLineBreaksAndControlCharacters() throws IOException {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#xa;&#xd;&#x9;&#xa0;?? ok", ours("a <b> & \"c\" \n\r\t\u00A0\u0001\uFFFF ok"));
        assertEquals("", ours(""));
        assertEquals("", ours(null));
    }

    @Test
    void everyKindOfCharacterAsPoiWritesIt() throws IOException {
        // the specials, every control character, the no-break space, U+FFFE/U+FFFF, surrogate pairs and lone
        // surrogates, plain ASCII and other BMP text
        List<String> alphabet = new ArrayList<>(List.of("<", ">", "&", "\"", "'", "\n", "\r", "\t", "\u00A0", "\uFFFE",
                "\uFFFF", "\uFFFD", "\uD83D\uDE00", "\uD800", "\uDFFF", "é", "中", "a", "Z", "0", " ", "=", "-"));
        for (char c = 0; c < ' '; c++) {
            alphabet.add(String.valueOf(c));
        }
        Random random = new Random(20251204);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                s.append(random.nextInt(3) == 0 ? "plain text " : alphabet.get(random.nextInt(alphabet.size())));
            }
            String text = s.toString();
            assertEquals(poi(text), ours(text), () -> "escaping " + text.codePoints().mapToObj(Integer::toHexString)
                    .toList());
        }
        for (String one : alphabet) {
            assertEquals(poi(one), ours(one), () -> "escaping U+" + Integer.toHexString(one.codePointAt(0)));
        }
    }
}
