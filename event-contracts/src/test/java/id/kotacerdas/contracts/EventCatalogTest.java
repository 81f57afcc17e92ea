package id.kotacerdas.contracts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventCatalogTest {

    @BeforeAll
    static void draftSchemasWhenAsked() throws Exception {
        if (Boolean.getBoolean("contracts.draftMissingSchemas")) {
            SchemaDraft.draftMissing(Path.of("src/main/resources"));
        }
    }

    static List<EventDescriptor<?>> descriptors() {
        return EventCatalog.all();
    }

    @Test
    void everyTypeIsVersionedUniqueAndOnAKnownTopic() {
        Set<String> types = new HashSet<>();
        for (EventDescriptor<?> descriptor : EventCatalog.all()) {
            assertThat(types.add(descriptor.type())).as(descriptor.type()).isTrue();
            assertThat(descriptor.type()).matches("city\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(Topics.all()).contains(descriptor.topic());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void everyTypeHasACommittedSchemaThatItsEventsSatisfy(EventDescriptor<?> descriptor) {
        assertThat(ContractSchemas.hasSchema(descriptor)).as("schema file " + descriptor.schemaResource()).isTrue();
        String json = EventJson.write(SampleEvents.sampleOf(descriptor));
        assertThat(ContractSchemas.violations(descriptor, json)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void anEventWithoutItsSubjectViolatesTheSchema(EventDescriptor<?> descriptor) {
        ObjectNode json = (ObjectNode) EventJson.MAPPER.valueToTree(SampleEvents.sampleOf(descriptor));
        json.remove(descriptor.payloadType().getRecordComponents()[0].getName());
        assertThat(ContractSchemas.violations(descriptor, json.toString())).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void eventsRoundTripWithoutJavaClassNames(EventDescriptor<?> descriptor) {
        CityEvent event = SampleEvents.sampleOf(descriptor);
        String json = EventJson.write(event);
        assertThat(json).doesNotContain("id.kotacerdas").doesNotContain("@class");
        assertThat(EventJson.read(json, descriptor.payloadType())).isEqualTo(event);
        assertThat(EventCatalog.forEvent(event)).isEqualTo(descriptor);
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnored() {
        var descriptor = EventCatalog.all().get(0);
        ObjectNode json = (ObjectNode) EventJson.MAPPER.valueToTree(SampleEvents.sampleOf(descriptor));
        json.put("addedInALaterMinorVersion", "x");
        assertThat(EventJson.read(json.toString(), descriptor.payloadType())).isEqualTo(SampleEvents.sampleOf(descriptor));
    }
}
