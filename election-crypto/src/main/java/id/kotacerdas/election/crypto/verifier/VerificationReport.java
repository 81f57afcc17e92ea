package id.kotacerdas.election.crypto.verifier;

import java.util.List;

/** Every check run on a record, in order; the record is valid only when all passed. */
public record VerificationReport(List<Check> checks) {

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    public boolean allPassed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
