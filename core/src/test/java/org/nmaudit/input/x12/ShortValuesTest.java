package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.input.x12.X12Text.billingAndSubscriber;
import static org.nmaudit.input.x12.X12Text.concat;
import static org.nmaudit.input.x12.X12Text.professional;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values of up to six bytes are made once per scan and found again by their bytes: each still reads as
 * StAEDI reads it, whatever its length, its bytes beyond ASCII or the values seen before it.
 */
class ShortValuesTest {

    @Test
    void shortValuesReadAsStaediReadsThem() {
        String[] claim = {"CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*A", "REF*EA*AA", "REF*EA*AAAAAA", "REF*EA*AAAAAAA",
            "REF*EA*é", "REF*EA*éé", "REF*EA*ÉA1", "REF*EA*  HC ", "REF*EA*HC", "REF*EA*", "REF*EA*0", "REF*EA*00",
            "REF*EA*€", "REF*EA*HC:HC*HCHC^HC", "LX*1", "SV1*HC:95972:26:26:AA:A*100*UN*1***1:2"};
        byte[] bytes = professional("250501", concat(billingAndSubscriber("MB"), claim))
                .getBytes(StandardCharsets.UTF_8);
        ScanProbe.Reading scanned = ScanProbe.scanner(bytes);
        ScanProbe.Reading staedi = ScanProbe.staedi(bytes);
        assertTrue(scanned.clean(), scanned.toString());
        assertEquals(staedi.segments(), scanned.segments());
        List<String> refs = scanned.segments().stream().filter(s -> s.contains(" REF|")).toList();
        assertEquals(List.of("|1=A", "|1=AA", "|1=AAAAAA", "|1=AAAAAAA", "|1=é", "|1=éé", "|1=ÉA1", "|1=HC", "|1=HC",
                "|1=", "|1=0", "|1=00", "|1=€", "|2=HC:HC|1=HCHC"),
                refs.stream().map(s -> s.substring(s.indexOf("|1=EA") + 5)).toList());
    }
}
