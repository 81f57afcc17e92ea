package id.kotacerdas.gateway.routing;

import id.kotacerdas.gateway.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Where an open or failing circuit breaker forwards: a 503 problem telling the caller to come back. */
@Configuration
public class UnavailableFallback {

    static final String PATH = "/_gateway/unavailable";

    @Bean
    RouterFunction<ServerResponse> unavailableFallbackRoute() {
        return RouterFunctions.route(request -> request.path().equals(PATH), request -> ServerResponse
                .status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .bodyValue(ProblemWriter.problem(request.exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                        "The service behind this path is unavailable; try again shortly.", null)));
    }
}
