package id.kotacerdas.contracts;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Drafts a JSON Schema for a new event record. The drafted file is committed and from then on is the
 * contract: edit it by hand, additively only. Run {@code -Dcontracts.draftMissingSchemas=true} on the
 * contracts tests to draft schemas for newly catalogued types.
 */
final class SchemaDraft {

    private SchemaDraft() {
    }

    static void draftMissing(Path resourcesDir) throws Exception {
        for (EventDescriptor<?> descriptor : EventCatalog.all()) {
            Path file = resourcesDir.resolve(descriptor.schemaResource());
            if (!Files.exists(file)) {
                ObjectNode schema = forRecord(descriptor.payloadType(), true);
                schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                schema.put("$id", "https://kotacerdas.id/schemas/" + descriptor.type() + ".json");
                schema.put("title", descriptor.payloadType().getSimpleName());
                schema.put("description", "Payload of CloudEvents type " + descriptor.type() + " on " + descriptor.topic());
                Files.createDirectories(file.getParent());
                Files.writeString(file, EventJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n");
            }
        }
    }

    /** The top-level record's first component is the event's subject and always required; nested records' are not. */
    private static ObjectNode forRecord(Class<?> type, boolean topLevel) {
        ObjectNode schema = EventJson.MAPPER.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            properties.set(component.getName(), forType(component.getGenericType()));
            Class<?> raw = component.getType();
            if ((topLevel && i == 0) || raw.isPrimitive() || raw.isEnum() || raw == Instant.class) {
                required.add(component.getName());
            }
        }
        schema.put("additionalProperties", true);
        return schema;
    }

    private static ObjectNode forType(Type type) {
        ObjectNode node = EventJson.MAPPER.createObjectNode();
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                node.put("type", "array");
                node.set("items", forType(parameterized.getActualTypeArguments()[0]));
            } else if (Map.class.isAssignableFrom(raw)) {
                node.put("type", "object");
                node.set("additionalProperties", forType(parameterized.getActualTypeArguments()[1]));
            }
            return node;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            node.put("type", "string");
        } else if (raw == Instant.class) {
            node.put("type", "string");
            node.put("format", "date-time");
        } else if (raw == LocalDate.class) {
            node.put("type", "string");
            node.put("format", "date");
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            node.put("type", "integer");
        } else if (raw == double.class || raw == Double.class) {
            node.put("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            node.put("type", "boolean");
        } else if (raw.isEnum()) {
            node.put("type", "string");
            ArrayNode values = node.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (raw.isRecord()) {
            return forRecord(raw, false);
        } else {
            throw new IllegalArgumentException("No schema mapping for " + raw);
        }
        return node;
    }
}
