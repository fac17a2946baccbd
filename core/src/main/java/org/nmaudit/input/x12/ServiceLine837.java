package org.nmaudit.input.x12;

import java.util.List;

/** One 837 service line (loop 2400) as sent: LX, SV1 or SV2, DTP*472, REF*6R, REF*G1, 2420A NM1*82. */
final class ServiceLine837 {
    /** The line's ordinal in its claim (0-based): with the claim it identifies the line. */
    final int ordinal;
    Element lineNumber = Element.ABSENT;
    long lxSegment;

    /** SV1 or SV2 was sent. */
    boolean hasService;
    long serviceSegment;
    String serviceTag = "";
    Element qualifier = Element.ABSENT;
    Element procedure = Element.ABSENT;
    List<String> modifiers = List.of();
    String modifierSource = "";
    Element charge = Element.ABSENT;
    Element unitBasis = Element.ABSENT;
    Element quantity = Element.ABSENT;
    Element placeOfService = Element.ABSENT;
    /** SV107-1..4, as sent. */
    List<String> pointers = List.of();
    String pointerText = "";
    String pointerSource = "";
    Element revenueCode = Element.ABSENT;

    Element dateFormat = Element.ABSENT;
    Element date = Element.ABSENT;
    Element lineControl = Element.ABSENT;
    Element priorAuthorization = Element.ABSENT;
    int priorAuthorizations;
    Element referral = Element.ABSENT;
    Element renderingNpi = Element.ABSENT;
    int renderingProviders;

    ServiceLine837(int ordinal) {
        this.ordinal = ordinal;
    }
}
