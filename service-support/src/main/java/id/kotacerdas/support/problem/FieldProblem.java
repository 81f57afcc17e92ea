package id.kotacerdas.support.problem;

/** One bad input: which field (a JSON pointer-like path such as {@code reporter.phone}) and why. */
public record FieldProblem(String field, String reason) {
}
