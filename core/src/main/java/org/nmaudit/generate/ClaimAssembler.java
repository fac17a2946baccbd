package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a finished {@link PatientPlan} into the claims a practice and its facilities would send:
 * the physician's professional claim per day, the hospital's or ASC's institutional claim for
 * procedures, priced and written the way the source systems write them.
 */
final class ClaimAssembler {
    private static final Set<String> GLOBAL_SURGERY = Set.of("63650", "63685");
    private static final Set<String> SCS_PRIOR_AUTH_CODES = Set.of("63650", "63685", "63688");
    private static final Set<String> AUTHORIZED_CODES = Set.of("63650", "63685", "63688", "64555", "64590", "64596");
    private static final String[] MEDICARE_CONTRACTORS = {"JH", "JL", "JJ", "JM", "JE", "JF"};
    /** Claims for services in the last 30 days are often not adjudicated yet. */
    private static final int ADJUDICATION_LAG_DAYS = 30;

    private final Practice practice;
    private final DataWindow window;

    ClaimAssembler(Practice practice, DataWindow window) {
        this.practice = practice;
        this.window = window;
    }

    List<Claim> assemble(PatientPlan plan, Dice dice) {
        Book book = new Book(plan.primary);
        List<EmVisit> visits = new ArrayList<>(plan.visits);
        for (TrialPlan trial : plan.trialsByDate()) {
            addTrial(book, plan, trial, dice);
            if (trial.emSameDay) {
                visits.add(new EmVisit(trial.date, dice.chance(0.6) ? "99214" : "99213"));
            }
        }
        for (ImplantPlan implant : plan.implantsByDate()) {
            addImplant(book, plan, implant, dice);
        }
        for (ProcedurePlan procedure : plan.procedures) {
            addProcedure(book, plan, procedure);
        }
        for (ProgrammingVisit v : plan.programming) {
            Claim claim = v.ownClaim ? book.separate(v.date, plan.primary.npi(), "11")
                    : book.professional(v.date, plan.primary, "11");
            List<String> dx = new ArrayList<>();
            dx.add(DiagnosisProfile.BATTERY_OR_ADJUSTMENT); // encounter for neurostimulator adjustment
            dx.addAll(plan.diagnoses.on(v.date));
            claim.add(new ClaimLine(v.cpt, 1, v.modifiers, dx, false));
        }
        // E/M last: the modifier depends on the surgeries of the same physician around it.
        visits.sort(Comparator.comparing(EmVisit::date));
        for (EmVisit visit : visits) {
            addVisit(book, plan, visit, dice);
        }
        List<Claim> claims = book.inOrder();
        for (Claim claim : claims) {
            present(claim, plan, dice);
            price(claim, plan, dice);
            authorize(claim, plan, dice);
        }
        return claims;
    }

    private Facility facility(Setting setting, Physician physician) {
        return switch (setting) {
            case OFFICE -> null;
            case HOSPITAL -> physician.clinic().hospital();
            case ASC -> physician.clinic().asc();
        };
    }

    private void addTrial(Book book, PatientPlan plan, TrialPlan trial, Dice dice) {
        Physician primary = plan.primary;
        Facility facility = facility(trial.setting, primary);
        String pos = facility == null ? "11" : facility.placeOfService();
        List<String> dx = plan.diagnoses.on(trial.date);
        if (trial.professionalClaim) {
            Claim own = book.professional(trial.date, primary, pos);
            if (trial.secondPhysician) {
                Physician colleague = practice.colleagueOf(primary, dice);
                own.add(new ClaimLine("63650", 1, List.of("62"), dx, false));
                book.professional(trial.date, colleague, pos).add(new ClaimLine("63650", 1, List.of("62"), dx, false));
            } else if (trial.identicalLeadLines) {
                own.add(new ClaimLine("63650", 1, List.of(), dx, false));
                own.add(new ClaimLine("63650", 1, List.of(), dx, false));
            } else {
                addLeads(own, trial.leads, trial.leadsAsUnits, dx);
            }
            if (trial.leadRemovedOnTrialDay) {
                own.add(new ClaimLine("63661", 1, List.of(), dx, false));
            }
            LocalDate removal = trial.leadsRemoved();
            if (!removal.isAfter(window.end())) {
                if (trial.removalBilled) {
                    billLeadRemoval(book, plan, trial, dx, dice);
                } else {
                    // Lead removal in the office is part of the trial's global period: 99024, no charge.
                    book.professional(removal, primary, "11").add(new ClaimLine("99024", 1, List.of(), dx, false));
                }
            }
        }
        if (facility != null) {
            Claim claim = book.institutional(trial.date, facility);
            claim.add(new ClaimLine("63650", trial.leads, List.of(), dx, false));
            if (trial.leadRemovedOnTrialDay) {
                claim.add(new ClaimLine("63661", 1, List.of(), dx, true));
            }
            if (facility.isHospital()) {
                claim.add(new ClaimLine("C1897", trial.leads, List.of(), dx, true));
            } else {
                claim.add(new ClaimLine("L8680", 8 * trial.leads, List.of(), dx, true));
            }
        }
    }

    /** The trial leads taken out as a billed procedure (63661), where and by whom the plan says. */
    private void billLeadRemoval(Book book, PatientPlan plan, TrialPlan trial, List<String> dx, Dice dice) {
        Physician physician = trial.removalByColleague ? practice.colleagueOf(plan.primary, dice) : plan.primary;
        Facility facility = facility(trial.removalSetting, plan.primary);
        LocalDate day = trial.leadsRemoved();
        book.professional(day, physician, facility == null ? "11" : facility.placeOfService())
                .add(new ClaimLine("63661", 1, List.of(), dx, false));
        if (facility != null) {
            book.institutional(day, facility).add(new ClaimLine("63661", 1, List.of(), dx, false));
        }
    }

    private static void addLeads(Claim claim, int leads, boolean asUnits, List<String> dx) {
        if (leads >= 2 && asUnits) {
            claim.add(new ClaimLine("63650", leads, List.of(), dx, false));
            return;
        }
        claim.add(new ClaimLine("63650", 1, List.of(), dx, false));
        if (leads == 2) {
            claim.add(new ClaimLine("63650", 1, List.of("59"), dx, false));
        }
    }

    private void addImplant(Book book, PatientPlan plan, ImplantPlan implant, Dice dice) {
        Physician surgeon = plan.primary;
        if (implant.byNeurosurgeon) {
            Physician neurosurgeon = practice.neurosurgeonFor(plan.primary, dice);
            surgeon = neurosurgeon != null ? neurosurgeon : plan.primary;
        }
        Facility facility = facility(implant.setting, plan.primary);
        List<String> painDx = plan.diagnoses.on(implant.date);
        List<String> dx = new ArrayList<>(implant.replacementDiagnoses);
        painDx.forEach(code -> {
            if (!dx.contains(code)) {
                dx.add(code);
            }
        });
        Claim own = book.professional(implant.date, surgeon, implant.officePlaceOfService ? "11" : facility.placeOfService());
        own.add(new ClaimLine("63685", 1, List.of(), dx, false));
        if (implant.paddleLead) {
            own.add(new ClaimLine("63655", 1, List.of(), painDx, false));
        } else if (implant.leads > 0) {
            addLeads(own, implant.leads, implant.leadsAsUnits, painDx);
        }
        if (implant.peripheralLead) {
            own.add(new ClaimLine("64555", 1, List.of(), painDx, false));
        }
        if (implant.removesOldGenerator) {
            // 63685 includes removing the old generator: payers deny the 63688 as bundled.
            own.add(new ClaimLine("63688", 1, List.of(), dx, true));
        }
        Claim claim = book.institutional(implant.date, facility);
        claim.add(new ClaimLine("63685", 1, List.of(), dx, false));
        if (implant.paddleLead) {
            claim.add(new ClaimLine("63655", 1, List.of(), painDx, true));
        } else if (implant.leads > 0) {
            claim.add(new ClaimLine("63650", implant.leads, List.of(), painDx, true));
        }
        if (implant.peripheralLead) {
            claim.add(new ClaimLine("64555", 1, List.of(), painDx, true));
        }
        if (implant.removesOldGenerator) {
            claim.add(new ClaimLine("63688", 1, List.of(), dx, true));
        }
        claim.add(new ClaimLine(implant.generatorDevice, 1, List.of(), dx, true));
        if (implant.leads > 0) {
            claim.add(new ClaimLine("C1778", implant.leads, List.of(), painDx, true));
        }
        LocalDate woundCheck = implant.date.plusDays(implant.woundCheckDays);
        if (!woundCheck.isAfter(window.end())) {
            book.professional(woundCheck, surgeon, "11").add(new ClaimLine("99024", 1, List.of(), painDx, false));
        }
    }

    private void addProcedure(Book book, PatientPlan plan, ProcedurePlan procedure) {
        Facility facility = facility(procedure.setting, plan.primary);
        String pos = facility == null ? "11" : facility.placeOfService();
        List<String> dx = plan.diagnoses.on(procedure.date);
        Claim own = book.professional(procedure.date, plan.primary, pos);
        for (PlannedCode code : procedure.codes) {
            own.add(new ClaimLine(code.cpt(), code.units(), code.modifiers(), dx, false));
        }
        if (facility != null) {
            Claim claim = book.institutional(procedure.date, facility);
            boolean first = true;
            for (PlannedCode code : procedure.codes) {
                // The facility is paid for the primary procedure; the rest is packaged into it.
                claim.add(new ClaimLine(code.cpt(), code.units(), code.modifiers(), dx, !first));
                first = false;
            }
            for (PlannedCode device : procedure.devices) {
                claim.add(new ClaimLine(device.cpt(), device.units(), List.of(), dx, true));
            }
        }
    }

    private void addVisit(Book book, PatientPlan plan, EmVisit visit, Dice dice) {
        Physician physician = visit.byColleague() ? practice.colleagueOf(plan.primary, dice) : plan.primary;
        Claim claim = book.professional(visit.date(), physician, "11");
        if (claim.lines.stream().anyMatch(l -> l.cpt.startsWith("992"))) {
            return; // one E/M a day
        }
        List<String> modifiers = List.of();
        long sinceSurgery = book.daysSinceGlobalSurgery(physician.npi(), visit.date());
        if (visit.withoutModifier()) {
            modifiers = List.of();
        } else if (sinceSurgery == 0) {
            // Separately identifiable E/M on the procedure day; now and then the decision for surgery.
            modifiers = List.of(dice.chance(0.1) ? "57" : "25");
        } else if (sinceSurgery > 0) {
            modifiers = List.of("24"); // unrelated problem during the postoperative period
        } else if (claim.lines.stream().anyMatch(l -> !l.cpt.equals("99024"))) {
            modifiers = List.of("25");
        }
        claim.add(new ClaimLine(visit.cpt(), 1, modifiers, plan.diagnoses.on(visit.date()), false));
    }

    private void present(Claim claim, PatientPlan plan, Dice dice) {
        claim.dollarAmounts = dice.chance(claim.institutional() ? 0.6 : 0.1);
        claim.dxWithoutDot = dice.chance(0.08);
        claim.unitsBlankWhenOne = dice.chance(0.05);
        claim.lowerCaseHcpcs = dice.chance(0.2);
        claim.payerText = dice.chance(0.02) ? plan.payer.name().toLowerCase() : plan.payer.name();
        if (claim.institutional()) {
            claim.billType = dice.chance(0.3) ? "0" + claim.facility.billType() : claim.facility.billType();
        }
    }

    private void price(Claim claim, PatientPlan plan, Dice dice) {
        boolean recent = SpecDefaults.days(claim.date, window.end()) < ADJUDICATION_LAG_DAYS;
        boolean unpaid = dice.chance(recent ? 0.55 : 0.02);
        double payerFactor = PayerMix.paymentFactor(plan.payer, dice);
        double chargeFactor = claim.institutional() ? dice.between(2.8, 4.2) : dice.between(2.2, 3.0);
        boolean facilitySetting = !claim.placeOfService.equals("11");
        for (ClaimLine line : claim.lines) {
            if (FeeSchedule.isDevice(line.cpt)) {
                line.billedCents = Math.round(FeeSchedule.devicePrice(line.cpt) * line.units * dice.between(0.9, 1.1)) * 100;
                line.paidCents = null;
                continue;
            }
            double payment = FeeSchedule.payment(line.cpt, claim.institutional(), facilitySetting);
            double chargeBasis = payment > 0 || !claim.institutional()
                    ? payment
                    : 4 * FeeSchedule.payment(line.cpt, false, true);
            line.billedCents = Math.round(chargeBasis * line.units * chargeFactor) * 100;
            line.paidCents = unpaid || line.packaged ? null : Math.round(payment * line.units * payerFactor * 100);
        }
    }

    private void authorize(Claim claim, PatientPlan plan, Dice dice) {
        boolean scs = claim.lines.stream().anyMatch(l -> SCS_PRIOR_AUTH_CODES.contains(l.cpt));
        if (plan.payer == PayerType.MEDICARE) {
            if (scs && claim.institutional() && claim.facility.isHospital()) {
                // Medicare OPD prior authorization (42 CFR 419.82): the 14-character UTN.
                claim.priorAuth = dice.pick(MEDICARE_CONTRACTORS) + String.format("%012d", Math.floorMod(dice.nextLong(), 1_000_000_000_000L));
            }
            return;
        }
        boolean authorized = claim.lines.stream().anyMatch(l -> AUTHORIZED_CODES.contains(l.cpt));
        if (authorized && plan.payer != PayerType.OTHER && dice.chance(0.75)) {
            claim.priorAuth = "PA" + String.format("%08d", dice.between(0, 99_999_999));
        }
    }

    /** The day's claims, found by (date, physician) or (date, facility), kept in the order claims go out. */
    private static final class Book {
        private final Physician primary;
        private final Map<String, Claim> byKey = new HashMap<>();
        private final List<Claim> claims = new ArrayList<>();

        Book(Physician primary) {
            this.primary = primary;
        }

        Claim professional(LocalDate date, Physician physician, String pos) {
            return byKey.computeIfAbsent("P|" + date + "|" + physician.npi(),
                    k -> track(new Claim(date, physician.npi(), Claim.Type.PROFESSIONAL, null, pos,
                            physician == primary ? 0 : 1)));
        }

        Claim separate(LocalDate date, String npi, String pos) {
            return track(new Claim(date, npi, Claim.Type.PROFESSIONAL, null, pos, 0));
        }

        Claim institutional(LocalDate date, Facility facility) {
            return byKey.computeIfAbsent("I|" + date + "|" + facility.npi(),
                    k -> track(new Claim(date, facility.npi(), Claim.Type.INSTITUTIONAL, facility,
                            facility.placeOfService(), 2)));
        }

        private Claim track(Claim claim) {
            claims.add(claim);
            return claim;
        }

        /** Days since the physician's latest 63650/63685 day within the global period, or -1. */
        long daysSinceGlobalSurgery(String npi, LocalDate day) {
            long best = -1;
            for (Claim c : claims) {
                if (c.institutional() || !c.renderingNpi.equals(npi)) {
                    continue;
                }
                if (c.lines.stream().anyMatch(l -> GLOBAL_SURGERY.contains(l.cpt))) {
                    long d = SpecDefaults.days(c.date, day);
                    if (d >= 0 && d <= SpecDefaults.GLOBAL_DAYS && (best < 0 || d < best)) {
                        best = d;
                    }
                }
            }
            return best;
        }

        /** By date; on one day the referring physician's claim first, so it owns a trial episode. */
        List<Claim> inOrder() {
            List<Claim> sorted = new ArrayList<>(claims);
            sorted.sort(Comparator.comparing((Claim c) -> c.date).thenComparingInt(c -> c.rank));
            return sorted;
        }
    }
}
