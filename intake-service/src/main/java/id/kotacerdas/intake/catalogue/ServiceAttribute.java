package id.kotacerdas.intake.catalogue;

import java.util.List;

/**
 * An extra question a category asks (Open311 service definition attribute).
 *
 * @param datatype one of {@code string, number, datetime, text, singlevaluelist, multivaluelist}
 */
public record ServiceAttribute(String code, String datatype, boolean required, String description, int order,
                               List<AttributeValue> values) {

    public boolean accepts(String value) {
        if (value == null || value.isBlank()) {
            return !required;
        }
        return switch (datatype) {
            case "number" -> value.matches("-?\\d+(\\.\\d+)?");
            case "singlevaluelist" -> values.stream().anyMatch(v -> v.key().equals(value));
            case "multivaluelist" -> java.util.Arrays.stream(value.split(","))
                    .allMatch(part -> values.stream().anyMatch(v -> v.key().equals(part.trim())));
            default -> value.length() <= 1000;
        };
    }
}
