package dev.lanyard.prune.boundary;

import dev.lanyard.audit.boundary.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** Removes tokens that can never authenticate again. The pruning rules themselves come with the tokens. */
@Stateless
public class Pruning {

    public static final String PRUNED_EVENT = "tokens.pruned";

    @EJB
    AuditTrail auditTrail;

    public void pruneOnSchedule() {
        auditTrail.record(PRUNED_EVENT, "trigger=schedule pruned=0");
    }
}
