package id.kotacerdas.intake.open311;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.kotacerdas.intake.catalogue.CatalogueEntry;
import id.kotacerdas.intake.catalogue.ServiceAttribute;
import id.kotacerdas.intake.catalogue.ServiceCatalogue;
import id.kotacerdas.intake.jurisdiction.Jurisdiction;

/** GeoReport v2 discovery, service list and service definitions: public, no api_key needed. */
@RestController
@RequestMapping("/open311/v2")
class Open311ServicesController {

    /** When this API's Open311 surface last changed (discovery's {@code changeset}). */
    static final String CHANGESET = "2026-11-27T00:00:00Z";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private final Open311Jurisdictions jurisdictions;
    private final ServiceCatalogue catalogue;
    private final Open311Properties properties;
    private final PublicUrls urls;

    Open311ServicesController(Open311Jurisdictions jurisdictions, ServiceCatalogue catalogue,
                              Open311Properties properties, PublicUrls urls) {
        this.jurisdictions = jurisdictions;
        this.catalogue = catalogue;
        this.properties = properties;
        this.urls = urls;
    }

    @GetMapping({"/discovery", "/discovery.{format:json|xml}"})
    ResponseEntity<byte[]> discovery(@PathVariable(required = false) String format) {
        Open311Node endpoint = Open311Node.Fields.builder()
                .put("specification", SPECIFICATION)
                .put("url", urls.of("/open311/v2"))
                .put("changeset", CHANGESET)
                .put("type", "production")
                .put("formats", Open311Node.items("format",
                        List.of(Open311Node.value("text/xml"), Open311Node.value("application/json"))))
                .build();
        Open311Node discovery = Open311Node.Fields.builder()
                .put("changeset", CHANGESET)
                .put("contact", properties.getContact())
                .put("key_service", properties.getKeyService())
                .put("endpoints", Open311Node.items("endpoint", List.of(endpoint)))
                .build();
        return Open311Format.of(format).answer(HttpStatus.OK, "discovery", discovery);
    }

    @GetMapping({"/services", "/services.{format:json|xml}"})
    ResponseEntity<byte[]> services(@PathVariable(required = false) String format,
                                    @RequestParam MultiValueMap<String, String> query) {
        Open311Parameters parameters = new Open311Parameters(query);
        Jurisdiction jurisdiction = jurisdictions.require(parameters.get("jurisdiction_id"));
        List<Open311Node> services = catalogue.services(jurisdiction.id()).stream()
                .map(Open311ServicesController::service).toList();
        return Open311Format.of(format).answer(HttpStatus.OK, "services", Open311Node.items("service", services));
    }

    @GetMapping({"/services/{serviceCode:[^.]+}", "/services/{serviceCode:[^.]+}.{format:json|xml}"})
    ResponseEntity<byte[]> definition(@PathVariable String serviceCode,
                                      @PathVariable(required = false) String format,
                                      @RequestParam MultiValueMap<String, String> query) {
        Open311Parameters parameters = new Open311Parameters(query);
        Jurisdiction jurisdiction = jurisdictions.require(parameters.get("jurisdiction_id"));
        CatalogueEntry entry = catalogue.find(jurisdiction.id(), serviceCode)
                .orElseThrow(() -> Open311Exception.notFound("service_code " + Open311Jurisdictions.shown(serviceCode)
                        + " was not found in " + jurisdiction.id()));
        Open311Node definition = Open311Node.Fields.builder()
                .put("service_code", entry.code())
                .put("attributes", Open311Node.items("attribute",
                        entry.attributes().stream().map(Open311ServicesController::attribute).toList()))
                .build();
        return Open311Format.of(format).answer(HttpStatus.OK, "service_definition", definition);
    }

    private static Open311Node service(CatalogueEntry entry) {
        return Open311Node.Fields.builder()
                .put("service_code", entry.code())
                .put("service_name", entry.name())
                .put("description", entry.description())
                .put("metadata", !entry.attributes().isEmpty())
                .put("type", "realtime")
                .put("keywords", String.join(", ", entry.keywords()))
                .put("group", entry.group())
                .build();
    }

    private static Open311Node attribute(ServiceAttribute attribute) {
        return Open311Node.Fields.builder()
                .put("variable", true)
                .put("code", attribute.code())
                .put("datatype", attribute.datatype())
                .put("required", attribute.required())
                .put("datatype_description", null)
                .put("order", attribute.order())
                .put("description", attribute.description())
                .put("values", Open311Node.items("value", attribute.values().stream()
                        .map(v -> Open311Node.Fields.builder().put("key", v.key()).put("name", v.name()).build())
                        .toList()))
                .build();
    }
}
