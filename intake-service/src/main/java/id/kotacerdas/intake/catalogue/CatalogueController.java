package id.kotacerdas.intake.catalogue;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.kotacerdas.intake.jurisdiction.District;
import id.kotacerdas.intake.jurisdiction.Districts;
import id.kotacerdas.intake.jurisdiction.Jurisdiction;
import id.kotacerdas.intake.jurisdiction.Jurisdictions;
import id.kotacerdas.support.problem.NotFoundException;

/** Public reads of the jurisdictions and their service catalogues. */
@RestController
@RequestMapping("/api/v1/jurisdictions")
class CatalogueController {

    private final Jurisdictions jurisdictions;
    private final ServiceCatalogue catalogue;
    private final Districts districts;

    CatalogueController(Jurisdictions jurisdictions, ServiceCatalogue catalogue, Districts districts) {
        this.jurisdictions = jurisdictions;
        this.districts = districts;
        this.catalogue = catalogue;
    }

    @GetMapping
    List<Jurisdiction> jurisdictions() {
        return jurisdictions.all();
    }

    @GetMapping("/{jurisdictionId}/districts")
    List<District> districts(@PathVariable String jurisdictionId) {
        requireJurisdiction(jurisdictionId);
        return districts.of(jurisdictionId);
    }

    @GetMapping("/{jurisdictionId}/services")
    List<CatalogueEntry> services(@PathVariable String jurisdictionId) {
        requireJurisdiction(jurisdictionId);
        return catalogue.services(jurisdictionId);
    }

    @GetMapping("/{jurisdictionId}/services/{code}")
    CatalogueEntry service(@PathVariable String jurisdictionId, @PathVariable String code) {
        requireJurisdiction(jurisdictionId);
        return catalogue.find(jurisdictionId, code)
                .orElseThrow(() -> new NotFoundException("No service " + code + " in " + jurisdictionId));
    }

    private void requireJurisdiction(String jurisdictionId) {
        jurisdictions.find(jurisdictionId)
                .orElseThrow(() -> new NotFoundException("No jurisdiction " + jurisdictionId));
    }
}
