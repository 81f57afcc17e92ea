package id.kotacerdas.intake.catalogue;

/** One choice of a list attribute (Open311 {@code values[]}). */
public record AttributeValue(String key, String name) {
}
