package org.nmaudit.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.facts.PayerType;
import org.nmaudit.facts.PerformedBy;
import org.nmaudit.facts.ProgrammingSession;
import org.nmaudit.facts.PsychEvaluation;
import org.nmaudit.facts.RepeatTrialJustification;
import org.nmaudit.facts.TrialOutcome;

/**
 * Writes the input facts to a partition file and reads them back equal, field for field (decimals keep
 * their scale, text its every character). A compact binary form rather than Java serialization: a
 * million claim lines go out and come back in about a second, and equal values read back are shared
 * (one String per patient id, code or NPI; one LocalDate per day), which keeps a partition small in
 * memory. A reader is used by one thread. Public for the Spark job, which hands partitions to its executors
 * in this form.
 */
public final class FactCodec {
    private static final byte CLAIM_LINE = 1;
    private static final byte TRIAL_OUTCOME = 2;
    private static final byte JUSTIFICATION = 3;
    private static final byte PROGRAMMING_SESSION = 4;
    private static final byte PSYCH_EVALUATION = 5;
    private static final PayerType[] PAYERS = PayerType.values();
    private static final PerformedBy[] PERFORMERS = PerformedBy.values();

    private final Map<String, String> strings = new HashMap<>();
    private final Map<Integer, LocalDate> dates = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();
    /** One-item lists (most diagnosis and modifier lists), by their item: no joined key to build. */
    private final Map<String, List<String>> singletons = new HashMap<>();
    private LocalDate lastDate;
    private int lastDay;
    /** The bytes of the text being read: one buffer for every text, not an array each. */
    private byte[] buffer = new byte[256];

    public static void write(DataOutput out, PatientFact fact) throws IOException {
        if (fact instanceof ClaimLine c) {
            out.writeByte(CLAIM_LINE);
            text(out, c.getClaimId());
            out.writeInt(c.getLineNumber());
            text(out, c.getPatientId());
            out.writeByte(c.getPayerType().ordinal());
            text(out, c.getRenderingNpi());
            out.writeInt(c.getServiceDay());
            text(out, c.getCptCode());
            list(out, c.getModifiers());
            decimal(out, c.getUnits());
            list(out, c.getDiagnosisCodes());
            text(out, c.getPlaceOfService());
            text(out, c.getBillType());
            text(out, c.getPriorAuthNumber());
            decimal(out, c.getBilledAmount());
            decimal(out, c.getPaidAmount());
            out.writeLong(c.getSourceLine());
            text(out, c.getSourceFile());
        } else if (fact instanceof TrialOutcome o) {
            out.writeByte(TRIAL_OUTCOME);
            text(out, o.getPatientId());
            out.writeInt(o.getDocumentedDay());
            number(out, o.getPainReliefPct());
            number(out, o.getAnalgesicReductionPct());
            out.writeByte(o.getFunctionalImprovement() == null ? 2 : o.getFunctionalImprovement() ? 1 : 0);
            text(out, o.getRenderingNpi());
            text(out, o.getNote());
            out.writeLong(o.getSourceLine());
        } else if (fact instanceof RepeatTrialJustification j) {
            out.writeByte(JUSTIFICATION);
            text(out, j.getPatientId());
            out.writeInt(j.getDocumentedDay());
            text(out, j.getReason());
            out.writeLong(j.getSourceLine());
        } else if (fact instanceof ProgrammingSession s) {
            out.writeByte(PROGRAMMING_SESSION);
            text(out, s.getPatientId());
            out.writeInt(s.getSessionDay());
            out.writeByte(s.getPerformedBy().ordinal());
            text(out, s.getPerformerName());
            out.writeLong(s.getSourceLine());
        } else if (fact instanceof PsychEvaluation e) {
            out.writeByte(PSYCH_EVALUATION);
            text(out, e.getPatientId());
            out.writeInt(e.getEvaluationDay());
            text(out, e.getEvaluatorCredential());
            out.writeLong(e.getSourceLine());
        } else {
            throw new IllegalArgumentException("no partition form for " + fact.getClass().getName());
        }
    }

    /** The next fact, or null at the end of the input. */
    public PatientFact read(DataInput in, int tag) throws IOException {
        switch (tag) {
            case CLAIM_LINE -> {
                String claimId = text(in);
                int lineNumber = in.readInt();
                String patientId = shared(text(in));
                PayerType payer = PAYERS[in.readByte()];
                String npi = shared(text(in));
                LocalDate date = date(in.readInt());
                String cpt = shared(text(in));
                List<String> modifiers = list(in);
                BigDecimal units = decimal(in);
                List<String> diagnoses = list(in);
                String pos = shared(text(in));
                String billType = shared(text(in));
                String priorAuth = text(in);
                BigDecimal billed = decimal(in);
                BigDecimal paid = decimal(in);
                long sourceLine = in.readLong();
                return new ClaimLine(claimId, lineNumber, patientId, payer, npi, date, cpt, modifiers, units,
                        diagnoses, pos, billType, priorAuth, billed, paid, sourceLine, shared(text(in)));
            }
            case TRIAL_OUTCOME -> {
                String patientId = shared(text(in));
                LocalDate date = date(in.readInt());
                Double pain = number(in);
                Double analgesic = number(in);
                byte functional = in.readByte();
                return new TrialOutcome(patientId, date, pain, analgesic, functional == 2 ? null : functional == 1,
                        shared(text(in)), text(in), in.readLong());
            }
            case JUSTIFICATION -> {
                return new RepeatTrialJustification(shared(text(in)), date(in.readInt()), text(in), in.readLong());
            }
            case PROGRAMMING_SESSION -> {
                return new ProgrammingSession(shared(text(in)), date(in.readInt()), PERFORMERS[in.readByte()],
                        shared(text(in)), in.readLong());
            }
            case PSYCH_EVALUATION -> {
                return new PsychEvaluation(shared(text(in)), date(in.readInt()), shared(text(in)), in.readLong());
            }
            default -> throw new IOException("partition file damaged: unknown record tag " + tag);
        }
    }

    private static void text(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private String text(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > buffer.length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
        }
        in.readFully(buffer, 0, length);
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    private static void list(DataOutput out, List<String> items) throws IOException {
        out.writeInt(items.size());
        for (String s : items) {
            text(out, s);
        }
    }

    private List<String> list(DataInput in) throws IOException {
        int size = in.readInt();
        if (size == 0) {
            return List.of();
        }
        if (size == 1) {
            String item = shared(text(in));
            List<String> known = singletons.get(item);
            if (known == null) {
                known = List.of(item);
                if (singletons.size() < 100_000) {
                    singletons.put(item, known);
                }
            }
            return known;
        }
        List<String> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(shared(text(in)));
        }
        List<String> known = lists.get(String.join("\u0000", items));
        if (known != null) {
            return known;
        }
        List<String> copy = List.copyOf(items);
        if (lists.size() < 100_000) {
            lists.put(String.join("\u0000", items), copy);
        }
        return copy;
    }

    /** Exact: the unscaled value and the scale, so 1, 1.0 and 1.00 come back as written. */
    private static void decimal(DataOutput out, BigDecimal d) throws IOException {
        if (d == null) {
            out.writeByte(0);
            return;
        }
        BigInteger unscaled = d.unscaledValue();
        if (unscaled.bitLength() < 63) {
            out.writeByte(1);
            out.writeLong(unscaled.longValue());
        } else {
            out.writeByte(2);
            byte[] bytes = unscaled.toByteArray();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        out.writeInt(d.scale());
    }

    private static BigDecimal decimal(DataInput in) throws IOException {
        byte kind = in.readByte();
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            // no BigInteger in between: BigDecimal keeps a long unscaled value as it is
            long unscaled = in.readLong();
            return BigDecimal.valueOf(unscaled, in.readInt());
        }
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new BigDecimal(new BigInteger(bytes), in.readInt());
    }

    private static void number(DataOutput out, Double d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            out.writeDouble(d);
        }
    }

    private static Double number(DataInput in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    private String shared(String s) {
        if (s == null) {
            return null;
        }
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private LocalDate date(int epochDay) {
        // a claim's lines, written one after another, mostly share their date: no boxed key to look up then
        if (lastDate == null || epochDay != lastDay) {
            lastDate = dates.computeIfAbsent(epochDay, d -> LocalDate.ofEpochDay(d));
            lastDay = epochDay;
        }
        return lastDate;
    }
}
