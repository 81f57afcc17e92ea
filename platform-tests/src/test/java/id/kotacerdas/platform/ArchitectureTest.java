package id.kotacerdas.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import id.kotacerdas.contracts.CityEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Services share only event-contracts and service-support; each owns its code and data. */
class ArchitectureTest {

    static final List<String> SERVICE_MODULES =
            List.of("intake-service", "routing-service", "notification-service", "voting-service", "gateway");
    static final List<String> SERVICE_PACKAGES = List.of("intake", "routing", "notification", "voting", "gateway");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.kotacerdas");
    }

    @Test
    void theRulesSeeEveryServiceAndTheSharedModules() {
        for (String service : SERVICE_PACKAGES) {
            assertThat(classes.containPackage("id.kotacerdas." + service)).as(service).isTrue();
        }
        assertThat(classes.containPackage("id.kotacerdas.contracts")).isTrue();
        assertThat(classes.containPackage("id.kotacerdas.support")).isTrue();
    }

    @Test
    void noServiceUsesAnotherServicesCode() {
        for (String service : SERVICE_PACKAGES) {
            String[] others = SERVICE_PACKAGES.stream().filter(other -> !other.equals(service))
                    .map(other -> "id.kotacerdas." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("id.kotacerdas." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void sharedModulesHoldNoServiceCode() {
        String[] services = SERVICE_PACKAGES.stream().map(s -> "id.kotacerdas." + s + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage("id.kotacerdas.contracts..", "id.kotacerdas.support..")
                .should().dependOnClassesThat().resideInAnyPackage(services)
                .check(classes);
        noClasses().that().resideInAPackage("id.kotacerdas.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("id.kotacerdas.support..", "org.springframework..")
                .check(classes);
    }

    @Test
    void eventsAreImmutableRecords() {
        classes().that().implement(CityEvent.class).should().beRecords().check(classes);
    }

    @Test
    void noServiceModuleDependsOnAnotherServiceModule() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String module : SERVICE_MODULES) {
            List<String> dependencies = dependenciesOf(root.resolve(module).resolve("pom.xml"));
            assertThat(dependencies).as(module + " dependencies").doesNotContainAnyElementsOf(SERVICE_MODULES);
        }
    }

    private static List<String> dependenciesOf(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        NodeList dependencies = document.getElementsByTagName("dependency");
        List<String> artifacts = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            artifacts.add(dependency.getElementsByTagName("artifactId").item(0).getTextContent().trim());
        }
        return artifacts;
    }
}
