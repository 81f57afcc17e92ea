package id.kotacerdas.routing.catalogue;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Category codes and their groups ({@code seed/categories.json}); unknown codes fall into the general group. */
@Component
public class ServiceCatalogue {

    public static final String GENERAL = "lainnya";
    private static final String GENERAL_GROUP = "umum";

    private final Map<String, ServiceCategory> byCode = new LinkedHashMap<>();

    public ServiceCatalogue() {
        try (InputStream in = new ClassPathResource("seed/categories.json").getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            for (JsonNode category : root.get("categories")) {
                ServiceCategory entry = new ServiceCategory(category.get("code").asString(), category.get("name").asString(),
                        category.get("group").asString());
                byCode.put(entry.code(), entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ServiceCategory category(String code) {
        if (code == null || code.isBlank()) {
            return byCode.getOrDefault(GENERAL, new ServiceCategory(GENERAL, "Lainnya", GENERAL_GROUP));
        }
        return byCode.getOrDefault(code, new ServiceCategory(code, code, GENERAL_GROUP));
    }
}
