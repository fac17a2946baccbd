package org.nmaudit.facts;

import java.io.Serializable;

/**
 * A loaded input row that belongs to one patient: a claim line or a documentation row. Every rule but
 * the provider tally joins facts of one patient only, so the engine evaluates each patient's facts on
 * their own (the patient pass); facts that are not PatientFacts (parameters, the as-of date, reference
 * data) are shared by every patient.
 *
 * <p>Serializable: the patient-partitioned engine spills these facts to temporary files, and the Spark
 * job ships them between machines.
 */
public interface PatientFact extends EvidenceFact, Serializable {
    String getPatientId();

    /**
     * The epoch day the row is dated on: the service date of a claim line, the documented, session or
     * evaluation date of a documentation row. A period audit leaves out rows dated after its end.
     */
    int recordDay();
}
