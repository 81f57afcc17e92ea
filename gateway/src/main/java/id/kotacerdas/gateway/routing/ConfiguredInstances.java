package id.kotacerdas.gateway.routing;

import id.kotacerdas.gateway.GatewayProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The instances of each backend service, from the configured URL lists ({@code INTAKE_SERVICE_URLS}, ...).
 * Spring Cloud LoadBalancer balances over them and its health check drops instances that are not ready.
 */
@Component
public class ConfiguredInstances implements ReactiveDiscoveryClient {

    private final Map<String, List<ServiceInstance>> instances;

    public ConfiguredInstances(GatewayProperties properties) {
        this.instances = properties.services().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> instancesOf(entry.getKey(), entry.getValue().urls())));
    }

    private static List<ServiceInstance> instancesOf(String serviceId, List<URI> urls) {
        List<URI> list = urls == null ? List.of() : urls;
        return IntStream.range(0, list.size())
                .<ServiceInstance>mapToObj(index -> {
                    URI uri = list.get(index);
                    boolean secure = "https".equalsIgnoreCase(uri.getScheme());
                    int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
                    return new DefaultServiceInstance(serviceId + "-" + index, serviceId, uri.getHost(), port, secure);
                })
                .toList();
    }

    @Override
    public String description() {
        return "Backend instances configured by URL lists";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(instances.getOrDefault(serviceId, List.of()));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }
}
