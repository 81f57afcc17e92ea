package id.kotacerdas.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates event JSON against the JSON Schema committed for its type. */
public final class ContractSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** @return the violations, empty when the JSON satisfies the schema of {@code descriptor}'s type */
    public static List<String> violations(EventDescriptor<?> descriptor, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(descriptor.type(), type -> load(descriptor));
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    public static boolean hasSchema(EventDescriptor<?> descriptor) {
        return ContractSchemas.class.getClassLoader().getResource(descriptor.schemaResource()) != null;
    }

    private static Schema load(EventDescriptor<?> descriptor) {
        try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(descriptor.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No JSON Schema for " + descriptor.type());
            }
            return REGISTRY.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
