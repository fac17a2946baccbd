package org.nmaudit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Input text as a terminal may show it: control and invisible characters escaped, long values cut. */
class EchoedTextTest {
    @Test
    void controlAndInvisibleCharactersAreEscaped() {
        assertEquals("a\\u001B[31mb\\n\\r\\t\\u0000\\u007F\\u009B", EchoedText.escaped("a\u001B[31mb\n\r\t\u0000\u007F\u009B"));
        // a right-to-left override and a zero-width space would hide what the text really says
        assertEquals("x\\u202Ey\\u200Bz\\u2028", EchoedText.escaped("x\u202Ey\u200Bz\u2028"));
        assertEquals("Zoë Müller 😀", EchoedText.escaped("Zoë Müller 😀"));
    }

    @Test
    void longValuesAreCutByCharactersSayingHowLongTheyWere() {
        assertEquals("abc", EchoedText.of("abc", 3));
        assertEquals("ab... (3 characters)", EchoedText.of("abc", 2));
        assertEquals("😀😀... (1,000,000 characters)", EchoedText.of("😀".repeat(1_000_000), 2));
        assertEquals("", EchoedText.of(null));
    }

    @Test
    void theTerminalStreamKeepsLineBreaksAndEscapesTheRest() {
        StringWriter text = new StringWriter();
        PrintWriter out = EchoedText.terminal(new PrintWriter(text));
        out.println("claim C\u001B]0;x\u0007 line 1");
        out.printf("carriage\rreturn%n");
        out.print("a\r\nb");
        out.flush();
        assertEquals("claim C\\u001B]0;x\\u0007 line 1" + System.lineSeparator() + "carriage\\rreturn"
                + System.lineSeparator() + "a\r\nb", text.toString());
    }
}
