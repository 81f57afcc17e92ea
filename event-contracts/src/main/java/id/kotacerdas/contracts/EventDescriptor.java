package id.kotacerdas.contracts;

/**
 * Binds an event record to its CloudEvents type (e.g. {@code city.report.submitted.v1}), the topic it is
 * published on, and the JSON Schema file {@code schemas/<type>.json} that every instance must satisfy.
 */
public record EventDescriptor<E extends CityEvent>(String type, String topic, Class<E> payloadType) {

    public static <E extends CityEvent> EventDescriptor<E> of(String type, String topic, Class<E> payloadType) {
        return new EventDescriptor<>(type, topic, payloadType);
    }

    public String schemaResource() {
        return "schemas/" + type + ".json";
    }
}
