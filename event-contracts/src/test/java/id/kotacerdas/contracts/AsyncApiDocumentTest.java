package id.kotacerdas.contracts;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncApiDocumentTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() throws Exception {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            return new Yaml().load(in);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTopicIsAChannel() throws Exception {
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) document().get("channels");
        List<Object> addresses = channels.values().stream().map(c -> c.get("address")).toList();
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEventTypeIsAMessageOnItsTopicWithItsSchema() throws Exception {
        Map<String, Object> document = document();
        Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) document.get("components")).get("messages");
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) document.get("channels");
        for (EventDescriptor<?> descriptor : EventCatalog.all()) {
            String name = descriptor.payloadType().getSimpleName();
            assertThat(messages).as(name).containsKey(name);
            assertThat(messages.get(name).get("name")).isEqualTo(descriptor.type());
            assertThat(((Map<String, Object>) messages.get(name).get("payload")).get("$ref"))
                    .isEqualTo(descriptor.schemaResource());
            Map<String, Object> channel = channels.values().stream()
                    .filter(c -> descriptor.topic().equals(c.get("address"))).findFirst().orElseThrow();
            assertThat((Map<String, Object>) channel.get("messages")).as(name + " on " + descriptor.topic()).containsKey(name);
        }
    }
}
