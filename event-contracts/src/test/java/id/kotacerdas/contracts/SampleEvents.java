package id.kotacerdas.contracts;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Builds a fully populated instance of any event record, for contract tests. */
final class SampleEvents {

    private SampleEvents() {
    }

    static CityEvent sampleOf(EventDescriptor<?> descriptor) {
        return (CityEvent) sample(descriptor.payloadType());
    }

    private static Object sample(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                return List.of(sample(parameterized.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("key", sample(parameterized.getActualTypeArguments()[1]));
            }
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "sample";
        } else if (raw == Instant.class) {
            return Instant.parse("2026-11-27T01:02:03Z");
        } else if (raw == LocalDate.class) {
            return LocalDate.parse("2026-11-27");
        } else if (raw == int.class || raw == Integer.class) {
            return 1;
        } else if (raw == long.class || raw == Long.class) {
            return 1L;
        } else if (raw == double.class || raw == Double.class) {
            return 1.5d;
        } else if (raw == boolean.class || raw == Boolean.class) {
            return true;
        } else if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        } else if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = sample(components[i].getGenericType());
                types[i] = components[i].getType();
            }
            try {
                return raw.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("No sample for " + raw);
    }
}
