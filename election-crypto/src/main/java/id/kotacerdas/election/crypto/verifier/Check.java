package id.kotacerdas.election.crypto.verifier;

/** One line of the verifier's report. */
public record Check(String name, boolean passed, String detail) {

    public static Check pass(String name, String detail) {
        return new Check(name, true, detail);
    }

    public static Check fail(String name, String detail) {
        return new Check(name, false, detail);
    }

    @Override
    public String toString() {
        return (passed ? "PASS  " : "FAIL  ") + name + (detail == null || detail.isEmpty() ? "" : " — " + detail);
    }
}
