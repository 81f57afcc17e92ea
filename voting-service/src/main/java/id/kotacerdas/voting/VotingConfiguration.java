package id.kotacerdas.voting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class VotingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
