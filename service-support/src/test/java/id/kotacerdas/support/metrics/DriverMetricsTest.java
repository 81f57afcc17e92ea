package id.kotacerdas.support.metrics;

import id.kotacerdas.support.ServiceDefaults;
import id.kotacerdas.testing.ServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class DriverMetricsTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void storeCallsAreNotTimedOneByOneButTheConnectionPoolIsMeasured() {
        mongo.getCollection("metrics_probe").insertOne(new Document("probe", true));
        mongo.getCollection("metrics_probe").find().first();

        assertThat(meters.find("mongodb.driver.commands").timers()).isEmpty();
        assertThat(meters.find("mongodb.driver.pool.size").gauges()).isNotEmpty();
    }

    @Test
    void operatorsTurnPerCommandTimersOnWithAnEnvironmentVariable() {
        assertThat(commandMetricsWith(Map.of())).isFalse();
        assertThat(commandMetricsWith(Map.of("MONGODB_COMMAND_METRICS", "true"))).isTrue();
    }

    private static boolean commandMetricsWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment.getRequiredProperty("management.metrics.mongodb.command.enabled", Boolean.class);
    }
}
