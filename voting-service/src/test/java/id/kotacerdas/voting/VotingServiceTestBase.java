package id.kotacerdas.voting;

import id.kotacerdas.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every test class of this module shares this one Spring context (one broker, one store). */
@ServiceTest
public abstract class VotingServiceTestBase {

    @LocalServerPort
    protected int port;

    protected VotingApi api;

    @BeforeEach
    void connect() {
        api = new VotingApi(port);
    }

    protected String createElection(String name, List<String> guardians, boolean blank) {
        return createElection(name, guardians, blank, LocalDate.now().plusDays(30));
    }

    protected String createElection(String name, List<String> guardians, boolean blank, LocalDate date) {
        VotingApi.Answer created = api.post("/elections", VotingApi.Identity.admin(),
                SampleElection.setup(name, date, guardians, blank));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
