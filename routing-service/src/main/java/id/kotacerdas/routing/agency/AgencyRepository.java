package id.kotacerdas.routing.agency;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

public interface AgencyRepository extends MongoRepository<Agency, String> {

    List<Agency> findByJurisdictionIdOrderById(String jurisdictionId);

    List<Agency> findAllByOrderById();
}
