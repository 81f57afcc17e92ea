package id.kotacerdas.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import tools.jackson.databind.JsonNode;

/** GeoReport v2 conformance: discovery, service list and service definitions, JSON and XML. */
class Open311ServicesTest extends Open311Calls {

    @Test
    void discoveryListsTheGeoReportV2EndpointInBothFormats() {
        Answer json = get("/open311/v2/discovery.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        JsonNode endpoint = json.json().get("endpoints").get(0);
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asString()).endsWith("/open311/v2");
        assertThat(endpoint.get("formats").toString()).contains("text/xml", "application/json");
        assertThat(json.json().get("changeset").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

        Answer xml = get("/open311/v2/discovery.xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.header("Content-Type")).startsWith("text/xml");
        assertThat(xml.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Document document = xml(xml);
        assertThat(text(document, "/discovery/endpoints/endpoint/specification"))
                .isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(count(document, "/discovery/endpoints/endpoint/formats/format")).isEqualTo(2);
        assertThat(text(document, "/discovery/contact")).isNotBlank();
        assertThat(text(document, "/discovery/key_service")).isNotBlank();
    }

    @Test
    void theServiceListOfAJurisdictionComesInBothFormatsWithGroupsAndKeywords() {
        Answer json = get("/open311/v2/services.json?jurisdiction_id=mimika");
        assertThat(json.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        json.json().forEach(service -> codes.add(service.get("service_code").asString()));
        assertThat(codes).contains("jalan-rusak", "drainase", "sampah", "air-bersih", "lainnya")
                .doesNotContain("layad-rawat");
        JsonNode road = find(json.json(), "jalan-rusak");
        assertThat(road.get("service_name").asString()).isEqualTo("Jalan rusak");
        assertThat(road.get("group").asString()).isEqualTo("infrastruktur");
        assertThat(road.get("metadata").asBoolean()).isTrue();
        assertThat(road.get("type").asString()).isEqualTo("realtime");
        assertThat(road.get("keywords").asString()).contains("lubang");
        assertThat(find(json.json(), "sampah").get("metadata").asBoolean()).isFalse();

        Document bandung = xml(get("/open311/v2/services.xml?jurisdiction_id=bandung"));
        assertThat(count(bandung, "/services/service")).isEqualTo(codes.size() + 1);
        assertThat(text(bandung, "/services/service[service_code='layad-rawat']/group")).isEqualTo("layanan-kesehatan");
        assertThat(text(bandung, "/services/service[service_code='layad-rawat']/metadata")).isEqualTo("true");
        assertThat(text(bandung, "/services/service[service_code='jalan-rusak']/service_name")).isEqualTo("Jalan rusak");
    }

    @Test
    void aServiceDefinitionDescribesItsAttributesInBothFormats() {
        JsonNode json = get("/open311/v2/services/jalan-rusak.json?jurisdiction_id=mimika").json();
        assertThat(json.get("service_code").asString()).isEqualTo("jalan-rusak");
        JsonNode attribute = json.get("attributes").get(0);
        assertThat(attribute.get("code").asString()).isEqualTo("tingkat-kerusakan");
        assertThat(attribute.get("variable").asBoolean()).isTrue();
        assertThat(attribute.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(attribute.get("required").asBoolean()).isFalse();
        assertThat(attribute.get("order").asInt()).isEqualTo(1);
        assertThat(attribute.get("values").get(2).get("key").asString()).isEqualTo("berat");

        Document xml = xml(get("/open311/v2/services/layad-rawat.xml?jurisdiction_id=bandung"));
        assertThat(text(xml, "/service_definition/service_code")).isEqualTo("layad-rawat");
        assertThat(count(xml, "/service_definition/attributes/attribute")).isEqualTo(2);
        assertThat(text(xml, "/service_definition/attributes/attribute[code='kondisi-pasien']/values/value[key='kritis']/name"))
                .startsWith("Kritis");
    }

    @Test
    void anUnknownServiceCodeIs404WithTheSpecsErrorListInBothFormats() {
        Answer json = get("/open311/v2/services/tidak-ada.json?jurisdiction_id=mimika");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.json().get(0).get("code").asInt()).isEqualTo(404);
        assertThat(json.json().get(0).get("description").asString()).contains("tidak-ada");

        Answer xml = get("/open311/v2/services/tidak-ada.xml?jurisdiction_id=mimika");
        assertThat(xml.status()).isEqualTo(404);
        assertThat(xml.header("Content-Type")).startsWith("text/xml");
        Document errors = xml(xml);
        assertThat(text(errors, "/errors/error/code")).isEqualTo("404");
        assertThat(text(errors, "/errors/error/description")).contains("service_code");
    }

    @Test
    void aMissingJurisdictionIs400AndAnUnknownOneIs404() {
        Answer missing = get("/open311/v2/services.xml?jurisdiction_id=");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(text(xml(missing), "/errors/error/description")).contains("jurisdiction_id");

        Answer unknown = get("/open311/v2/services.json?jurisdiction_id=atlantis");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get(0).get("description").asString()).contains("atlantis");
    }

    @Test
    void theOpenApiDescriptionListsTheOpen311AndSmsEndpoints() {
        JsonNode paths = get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/open311/v2/requests.{format}")).isTrue();
        assertThat(paths.has("/open311/v2/services/{serviceCode}.{format}")).isTrue();
        assertThat(paths.has("/open311/v2/tokens/{token}")).isTrue();
        assertThat(paths.has("/api/v1/sms/inbound")).isTrue();
    }

    private static JsonNode find(JsonNode services, String code) {
        for (JsonNode service : services) {
            if (service.get("service_code").asString().equals(code)) {
                return service;
            }
        }
        throw new AssertionError("no service " + code);
    }
}
